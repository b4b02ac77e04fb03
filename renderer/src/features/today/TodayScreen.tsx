export function TodayScreen() {
  return <h1>In Arbeit</h1>;
}
