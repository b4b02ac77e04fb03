export function TicketsScreen() {
  return <h1>In Arbeit</h1>;
}
