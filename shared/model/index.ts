export * from './vocabulary';
export * from './records';
export * from './inputs';
export * from './staffing';
export * from './text';
