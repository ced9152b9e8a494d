export { createHttpHandler } from './handler.js';
export type { HttpHandler, HttpHandlerOptions } from './handler.js';
export { HttpError, errorResponse, jsonResponse } from './errors.js';
export { readNodeRequest, writeNodeResponse } from './node.js';
export type { NodeRequest } from './node.js';
export { readFetchRequest, toFetchResponse } from './fetch.js';
export { defaultMaxBodyBytes } from './types.js';
export type { HttpRequest, HttpResponse, ReadOptions } from './types.js';
