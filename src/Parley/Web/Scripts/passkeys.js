// Passkeys (WebAuthn) for Parley's pages: registering one, signing in with one, and signing a custody step.
// The server sends options with base64url fields and a sealed state; this turns them into what the browser's
// WebAuthn API takes and its answer back into JSON. No inline script: the CSP runs only files from this site.
'use strict';

const toBuffer = (text) => {
  const base64 = text.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(text.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)).buffer;
};

const fromBuffer = (buffer) =>
  btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

const requestOptions = (options) => ({
  ...options,
  challenge: toBuffer(options.challenge),
  allowCredentials: (options.allowCredentials || []).map((c) => ({ ...c, id: toBuffer(c.id) })),
});

const creationOptions = (options) => ({
  ...options,
  challenge: toBuffer(options.challenge),
  user: { ...options.user, id: toBuffer(options.user.id) },
  excludeCredentials: (options.excludeCredentials || []).map((c) => ({ ...c, id: toBuffer(c.id) })),
});

const assertionJson = (credential) => ({
  id: credential.id,
  type: credential.type,
  rawId: fromBuffer(credential.rawId),
  extensions: {},
  response: {
    authenticatorData: fromBuffer(credential.response.authenticatorData),
    clientDataJSON: fromBuffer(credential.response.clientDataJSON),
    signature: fromBuffer(credential.response.signature),
    userHandle: credential.response.userHandle ? fromBuffer(credential.response.userHandle) : null,
  },
});

const attestationJson = (credential) => ({
  id: credential.id,
  type: credential.type,
  rawId: fromBuffer(credential.rawId),
  extensions: {},
  response: {
    attestationObject: fromBuffer(credential.response.attestationObject),
    clientDataJSON: fromBuffer(credential.response.clientDataJSON),
  },
});

const post = async (url, body) => {
  const response = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : null;
  if (!response.ok) {
    throw new Error((json && (json.detail || json.title)) || `${response.status}`);
  }
  return json;
};

const say = (element, message) => {
  const status = element.closest('[data-passkey]').querySelector('[data-passkey-status]');
  if (status) {
    status.textContent = message;
  }
};

const register = async (button) => {
  const label = document.getElementById(button.dataset.passkeyLabel);
  try {
    const begun = await post('/api/passkeys/options', {});
    const credential = await navigator.credentials.create({ publicKey: creationOptions(begun.options) });
    await post('/api/passkeys', { label: label ? label.value : '', state: begun.state, response: attestationJson(credential) });
    window.location.reload();
  } catch (error) {
    say(button, error.message);
  }
};

const signIn = async (button) => {
  try {
    const begun = await post('/api/passkeys/sign-in/options', {});
    const credential = await navigator.credentials.get({ publicKey: requestOptions(begun.options) });
    await post('/api/passkeys/sign-in', { state: begun.state, response: assertionJson(credential) });
    window.location.assign(button.dataset.returnUrl || '/');
  } catch (error) {
    say(button, error.message);
  }
};

const signStep = async (button) => {
  const form = document.getElementById(button.dataset.passkeyForm);
  try {
    const options = JSON.parse(button.dataset.options);
    const credential = await navigator.credentials.get({ publicKey: requestOptions(options) });
    form.querySelector('[name=assertion]').value = JSON.stringify(assertionJson(credential));
    form.submit();
  } catch (error) {
    say(button, error.message);
  }
};

document.addEventListener('click', (event) => {
  const button = event.target.closest('[data-passkey-register], [data-passkey-signin], [data-passkey-step]');
  if (!button) {
    return;
  }
  event.preventDefault();
  if (button.hasAttribute('data-passkey-register')) {
    register(button);
  } else if (button.hasAttribute('data-passkey-signin')) {
    signIn(button);
  } else {
    signStep(button);
  }
});
