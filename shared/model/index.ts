export * from './vocabulary';
export * from './records';
export * from './inputs';
export * from './staffing';
export * from './settings';
export * from './people';
export * from './text';
export * from './alarm';
