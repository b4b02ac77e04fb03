export function QueueScreen() {
  return <h1>In Arbeit</h1>;
}
