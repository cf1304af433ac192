/** The shared words of every layer (see the README's layer table): nothing here does I/O. */
export * from './statuses';
export * from './refusals';
export * from './roles';
export * from './search-attributes';
export * from './task-queues';
export * from './request-id';
