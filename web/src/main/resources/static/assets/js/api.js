// Calls to the platform's API through the gateway (same origin). Adds the bearer token and the user's
// language; turns problem+json bodies into ApiError (its message is the problem's detail, already in
// the user's language because the services localize by Accept-Language); a 401 of a signed-in user
// means the session ended: the page state is saved and the browser goes back to sign-in.

import {accessToken, forget, signIn} from './auth.js';
import {language, t} from './i18n.js';

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || t('common.error.unexpected'));
    this.status = status;
    this.problem = problem;
    this.code = problem.code || null;
    this.traceId = problem.traceId || null;
    /** field name → message(s), from the problem's errors[] (validation failures; several joined). */
    this.fieldErrors = {};
    for (const error of problem.errors || []) {
      if (error && error.field) {
        const known = this.fieldErrors[error.field];
        this.fieldErrors[error.field] = known ? `${known}；${error.message}` : error.message;
      }
    }
  }

  /** The service behind this call is down or overloaded (the gateway answered for it), or unreachable. */
  get unavailable() {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }
}

let pageStateProvider = () => null;

/** What to keep across an expired session's sign-in round trip (e.g. the half-filled form). */
export function setPageStateProvider(provider) {
  pageStateProvider = provider;
}

/** A fresh Idempotency-Key for one create: keep it for retries of the same create. */
export function newIdempotencyKey() {
  return crypto.randomUUID();
}

/**
 * Calls the API. options: method, body (sent as JSON), idempotencyKey, query (object), signal.
 * Resolves to the parsed JSON body (null for 204); rejects with ApiError.
 */
export async function api(path, options = {}) {
  const {method = 'GET', body, idempotencyKey, query, signal} = options;
  const headers = {Accept: 'application/json, application/problem+json', 'Accept-Language': language()};
  const token = await accessToken();
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (idempotencyKey) {
    headers['Idempotency-Key'] = idempotencyKey;
  }
  const url = query ? `${path}?${new URLSearchParams(Object.entries(query)
    .filter(([, value]) => value !== undefined && value !== null && value !== ''))}` : path;
  let response;
  try {
    response = await fetch(url, {method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal});
  } catch (networkFailure) {
    if (networkFailure.name === 'AbortError') {
      throw networkFailure;
    }
    throw new ApiError(0, {code: 'NETWORK', detail: t('common.error.network')});
  }
  if (response.status === 204) {
    return null;
  }
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  if (response.ok) {
    return json;
  }
  const problem = json && typeof json === 'object' ? json : {detail: t('common.error.http', {status: response.status})};
  const error = new ApiError(response.status, problem);
  if (response.status === 401 && token) {
    forget();
    await signIn(pageStateProvider());
  }
  throw error;
}
