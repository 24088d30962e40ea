/**
 * A render error crosses from a worker thread as plain data and is made again on the main
 * thread, so that it reads as it would have on one thread: message and stack, and the fields
 * a VFileMessage carries (`line`, `column`, `place`, `ruleId`, `source`, `file`…), which
 * structured cloning of an Error would drop.
 */

export interface SerializedError {
  name: string;
  message: string;
  stack?: string;
  /** The error's own fields that are plain data (a VFileMessage's position, rule, file). */
  fields: Record<string, unknown>;
}

function isPlainData(value: unknown): boolean {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return true;
  if (Array.isArray(value)) return value.every(isPlainData);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value as Record<string, unknown>).every(isPlainData);
  }
  return false;
}

export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), fields: {} };
  const fields: Record<string, unknown> = {};
  for (const key of Object.keys(error)) {
    const value = (error as unknown as Record<string, unknown>)[key];
    if (key !== 'name' && key !== 'message' && key !== 'stack' && isPlainData(value)) fields[key] = value;
  }
  return {
    name: error.name,
    message: error.message,
    ...(typeof error.stack === 'string' ? { stack: error.stack } : {}),
    fields,
  };
}

export function reviveError(data: SerializedError): Error {
  const error = new Error(data.message);
  Object.assign(error, data.fields);
  if (error.name !== data.name) {
    Object.defineProperty(error, 'name', { value: data.name, configurable: true, writable: true });
  }
  if (data.stack !== undefined) error.stack = data.stack;
  return error;
}
