/**
 * The server's one error type: a status and a message fit to show a user. Routes throw it; the
 * app's error handler turns it into `{ error, message }`. Anything else thrown is a bug and is
 * answered with a bare 500, so no stack trace, path or internal detail ever reaches a response.
 */
import { STATUS_CODES } from 'node:http';

export class HttpError extends Error {
  readonly statusCode: number;

  constructor(statusCode: number, message: string) {
    super(message);
    this.name = 'HttpError';
    this.statusCode = statusCode;
  }
}

export function isHttpError(value: unknown): value is HttpError {
  return value instanceof HttpError;
}

export const badRequest = (message: string): HttpError => new HttpError(400, message);
export const notFound = (message: string): HttpError => new HttpError(404, message);

/** The body of every error response. */
export function errorBody(statusCode: number, message: string): { error: string; message: string } {
  return { error: STATUS_CODES[statusCode] ?? 'Error', message };
}
