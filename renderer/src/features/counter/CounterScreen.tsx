export function CounterScreen() {
  return <h1>In Arbeit</h1>;
}
