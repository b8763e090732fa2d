import base64, hashlib, json, sys
from jwcrypto import jwk, jws
from jwcrypto.common import base64url_encode, JWSEHeaderParameter

# Usage: python3 verify-with-jwcrypto.py <path to vectors/signing>   (needs jwcrypto >= 1.1)
d = sys.argv[1]
def read(p):
    with open(f"{d}/{p}", encoding="utf-8") as f:
        return json.load(f)

# Register the profile's extension members so jwcrypto accepts them in crit.
REG = {n: JWSEHeaderParameter(f"Capillary {n}", True, True, None)
       for n in ("iat", "jti", "htm", "htp", "cdg", "idk")}

def b64url(b):  # unpadded
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode("ascii")

ok = bad = 0
for e in read("index.json")["vectors"]:
    if not e["valid"]:
        continue
    v = read(e["file"])
    body = base64.b64decode(v["request"]["bodyBase64"])
    key = jwk.JWK(**read(f"keys/{v['key']}.public.jwk.json"))
    h, _, s = v["signature"].split(".")
    token = jws.JWS(header_registry=REG)
    try:
        token.deserialize(f"{h}.{b64url(body)}.{s}")          # re-attach the payload
        token.verify(key, alg=json.loads(base64.urlsafe_b64decode(h + "==="))["alg"])
        ok += 1
    except Exception as ex:
        bad += 1
        print("FAIL", e["id"], repr(ex))
print(f"verified {ok} valid vectors with jwcrypto, {bad} failed")

# Sign the worked example: protected header as an exact JSON string, then drop the payload part.
w = read("cases/valid-eddsa-post-inspection.json")
body = base64.b64decode(w["request"]["bodyBase64"])
priv = jwk.JWK(**read("keys/test-ed25519-1.private.jwk.json"))
cdg = "sha-256=:" + base64.b64encode(hashlib.sha256(body).digest()).decode("ascii") + ":"
header = json.dumps({
    "alg": "EdDSA", "typ": "capillary-request+jws", "kid": "test-ed25519-1", "iat": 1772415000,
    "jti": "01JNKQ8W3H5V7Z2M4X6C8B0D1E", "htm": "POST",
    "htp": "/v1/projects/FT-2026-000123/inspections", "cdg": cdg,
    "idk": "9b2f6c1e-4a7d-4e0b-8f3a-5d1c2b7e9a40",
    "crit": ["iat", "jti", "htm", "htp", "cdg", "idk"]}, separators=(",", ":"))
s = jws.JWS(body, header_registry=REG)
s.add_signature(priv, alg="EdDSA", protected=header)
h, _, sig = s.serialize(compact=True).split(".")
print("jwcrypto signature identical to vector:", f"{h}..{sig}" == w["signature"])
