// date-holidays ships no types for its raw data entry point.
declare module 'date-holidays/data' {
  export const data: { version: string; license: string; holidays: Record<string, unknown>; names: Record<string, unknown> };
}
