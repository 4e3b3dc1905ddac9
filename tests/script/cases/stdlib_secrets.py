# secrets: tokens of the right sizes and alphabets (their values differ from
# run to run under CPython; here they come from a per-run seeded generator).
import secrets
import string
t = secrets.token_hex(8)
print(len(t), all(c in string.hexdigits for c in t), len(secrets.token_bytes(5)), len(secrets.token_urlsafe(16)))
print(secrets.choice("ab") in "ab", 0 <= secrets.randbelow(10) < 10, secrets.randbits(4) < 16, secrets.compare_digest("a", "a"))
pw = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(12))
print(len(pw), pw.isalnum())
# expect: 16 True 5 22
# expect: True True True True
# expect: 12 True
