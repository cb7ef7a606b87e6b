// Sign-in with the identity service through the gateway: OAuth 2.0 authorization code with PKCE (S256)
// for the public client fengqiao-web. Tokens are kept in memory only (module variables), never in
// storage; sessionStorage holds only the PKCE verifier, the state and the page state to restore for
// the round trip to the sign-in page. A reload signs in again silently while the identity service's
// session lasts. The redirect URI is the page itself: / for the portal, /console/ for the console.

import {language} from './i18n.js';

const CLIENT_ID = 'fengqiao-web';
const SCOPE = 'openid profile';
const PENDING_KEY = 'fengqiao.signin';

let tokens = null;        // {accessToken, refreshToken, idToken, expiresAt}
let claims = null;        // the access token's claims
let refreshing = null;    // the refresh in flight, shared
const listeners = new Set();

function redirectUri() {
  return location.origin + location.pathname;
}

function base64Url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString(length = 32) {
  return base64Url(crypto.getRandomValues(new Uint8Array(length)));
}

function decodeClaims(jwt) {
  const payload = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
  const json = new TextDecoder().decode(Uint8Array.from(atob(payload), c => c.charCodeAt(0)));
  return JSON.parse(json);
}

function accept(tokenResponse) {
  tokens = {
    accessToken: tokenResponse.access_token,
    refreshToken: tokenResponse.refresh_token || tokens?.refreshToken || null,
    idToken: tokenResponse.id_token || tokens?.idToken || null,
    expiresAt: Date.now() + (tokenResponse.expires_in || 300) * 1000,
  };
  const previous = claims?.sub;
  claims = decodeClaims(tokens.accessToken);
  if (previous !== claims.sub) { // a refresh of the same user's tokens redraws nothing
    listeners.forEach(listener => listener(user()));
  }
}

async function tokenRequest(parameters) {
  const response = await fetch('/oauth2/token', {
    method: 'POST',
    headers: {'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json'},
    body: new URLSearchParams({client_id: CLIENT_ID, ...parameters}),
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.error_description || body.error || `HTTP ${response.status}`);
  }
  return body;
}

/**
 * Sends the browser to the sign-in page. pageState (any JSON) comes back from takeRestoredState()
 * after the round trip, with the location hash the page had.
 */
export async function signIn(pageState = null) {
  const verifier = randomString(48);
  const state = randomString(16);
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING_KEY, JSON.stringify({verifier, state, hash: location.hash, pageState}));
  const query = new URLSearchParams({
    response_type: 'code', client_id: CLIENT_ID, redirect_uri: redirectUri(), scope: SCOPE, state,
    code_challenge: challenge, code_challenge_method: 'S256', ui_locales: language(),
  });
  location.assign(`/oauth2/authorize?${query}`);
  return new Promise(() => {}); // the page is leaving
}

let restoredState = null;

/**
 * Completes a sign-in when the page was opened by the identity service's redirect (?code=&state=):
 * exchanges the code, puts back the hash the page had and returns true. Returns false when the page
 * was opened normally. Throws when the redirect carries an error or a state that is not ours.
 */
export async function completeSignIn() {
  const query = new URLSearchParams(location.search);
  if (!query.has('code') && !query.has('error')) {
    return false;
  }
  const pending = JSON.parse(sessionStorage.getItem(PENDING_KEY) || 'null');
  sessionStorage.removeItem(PENDING_KEY);
  history.replaceState(null, '', location.pathname + (pending?.hash || ''));
  if (query.has('error')) {
    throw new Error(query.get('error_description') || query.get('error'));
  }
  if (!pending || pending.state !== query.get('state')) {
    throw new Error('state mismatch');
  }
  accept(await tokenRequest({
    grant_type: 'authorization_code', code: query.get('code'), redirect_uri: redirectUri(),
    code_verifier: pending.verifier,
  }));
  restoredState = pending.pageState;
  return true;
}

/** The page state saved by signIn(), once, after the round trip. */
export function takeRestoredState() {
  const state = restoredState;
  restoredState = null;
  return state;
}

/** A valid access token (refreshed when it expires within 30 s), or null when not signed in. */
export async function accessToken() {
  if (!tokens) {
    return null;
  }
  if (tokens.expiresAt - Date.now() > 30_000) {
    return tokens.accessToken;
  }
  if (!tokens.refreshToken) {
    return null;
  }
  refreshing ??= tokenRequest({grant_type: 'refresh_token', refresh_token: tokens.refreshToken})
    .then(accept)
    .catch(() => { forget(); })
    .finally(() => { refreshing = null; });
  await refreshing;
  return tokens ? tokens.accessToken : null;
}

/** Drops the tokens (e.g. when the API says the session is no longer valid). */
export function forget() {
  tokens = null;
  claims = null;
  listeners.forEach(listener => listener(null));
}

/** Ends the identity service's session too and comes back to this page. */
export function signOut() {
  const idToken = tokens?.idToken;
  forget();
  const query = new URLSearchParams({client_id: CLIENT_ID, post_logout_redirect_uri: redirectUri()});
  if (idToken) {
    query.set('id_token_hint', idToken);
    location.assign(`/connect/logout?${query}`);
  } else {
    location.assign(redirectUri());
  }
}

/** The signed-in user: {subject, username, roles, countyCode, stationId, organisationId}, or null. */
export function user() {
  if (!claims) {
    return null;
  }
  return {
    subject: claims.sub,
    username: claims.preferred_username || claims.sub,
    roles: claims.roles || [],
    countyCode: claims.county_code || null,
    stationId: claims.station_id || null,
    organisationId: claims.organisation_id || null,
  };
}

export function hasRole(...roles) {
  const current = user();
  return !!current && roles.some(role => current.roles.includes(role));
}

export function onUserChange(listener) {
  listeners.add(listener);
}
