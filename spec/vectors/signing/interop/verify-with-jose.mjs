import * as jose from 'jose';
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
// Usage: npm install jose@6 && node verify-with-jose.mjs <path to vectors/signing>
const dir = process.argv[2];
const read = p => JSON.parse(readFileSync(`${dir}/${p}`, 'utf8'));
const crit = { iat: true, jti: true, htm: true, htp: true, cdg: true, idk: true };
const idx = read('index.json');
let ok = 0, bad = 0;
for (const e of idx.vectors.filter(e => e.valid)) {
  const v = read(e.file);
  const body = Buffer.from(v.request.bodyBase64, 'base64');
  const jwk = read(`keys/${v.key}.public.jwk.json`);
  const key = await jose.importJWK(jwk, jwk.alg);
  const [h, , s] = v.signature.split('.');
  // detached: re-attach base64url(body) as the payload part, then verify as usual
  const attached = `${h}.${jose.base64url.encode(body)}.${s}`;
  try {
    const res = await jose.compactVerify(attached, key, { crit, algorithms: ['ES256', 'PS256', 'EdDSA'] });
    const digest = 'sha-256=:' + createHash('sha256').update(body).digest('base64') + ':';
    if (res.protectedHeader.cdg !== digest) throw new Error('cdg');
    ok++;
  } catch (err) { bad++; console.log('FAIL', e.id, err.message); }
}
// sign the worked example with jose and compare byte for byte (Ed25519 is deterministic)
const w = read('cases/valid-eddsa-post-inspection.json');
const body = Buffer.from(w.request.bodyBase64, 'base64');
const priv = await jose.importJWK(read('keys/test-ed25519-1.private.jwk.json'), 'EdDSA');
const header = {
  alg: 'EdDSA', typ: 'capillary-request+jws', kid: 'test-ed25519-1', iat: 1772415000,
  jti: '01JNKQ8W3H5V7Z2M4X6C8B0D1E', htm: 'POST', htp: '/v1/projects/FT-2026-000123/inspections',
  cdg: 'sha-256=:' + createHash('sha256').update(body).digest('base64') + ':',
  idk: '9b2f6c1e-4a7d-4e0b-8f3a-5d1c2b7e9a40', crit: ['iat', 'jti', 'htm', 'htp', 'cdg', 'idk'],
};
const jws = await new jose.CompactSign(body).setProtectedHeader(header).sign(priv, { crit });
const [ph, , sig] = jws.split('.');
const detached = `${ph}..${sig}`;
console.log('jose signature identical to vector:', detached === w.signature);
console.log(`verified ${ok} valid vectors with jose, ${bad} failed`);
// invalid ones that jose must refuse on its own: alg none, HS256 with allow-list, crit-missing is accepted by jose (profile check)
for (const id of ['invalid-alg-none', 'invalid-alg-hs256-public-key-as-secret', 'invalid-crit-unknown-member', 'invalid-body-tampered', 'invalid-kid-of-another-connector']) {
  const v = read(`cases/${id}.json`);
  const b = Buffer.from(v.request.bodyBase64, 'base64');
  const [h, , s] = v.signature.split('.');
  let jwk; try { jwk = read(`keys/${v.key}.public.jwk.json`); } catch { jwk = read('keys/test-es256-1.public.jwk.json'); }
  const key = await jose.importJWK(jwk, jwk.alg);
  try { await jose.compactVerify(`${h}.${jose.base64url.encode(b)}.${s}`, key, { crit, algorithms: ['ES256', 'PS256', 'EdDSA'] }); console.log('ACCEPTED?!', id); }
  catch (err) { console.log('rejected', id, '-', err.code); }
}
