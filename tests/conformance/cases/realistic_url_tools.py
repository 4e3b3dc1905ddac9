from urllib.parse import urlparse, urljoin, urlencode, quote, unquote, parse_qs, urlsplit, urlunparse, quote_plus

u = urlparse("https://user:pw@example.com:8443/path/to/page.html;params?q=search+term&x=1&x=2#section")
print(u)
print(u.scheme, u.netloc, u.hostname, u.port, u.path, u.query, u.fragment, u.username, u.password)
print(parse_qs(u.query))
print(urljoin("http://a.test/b/c/d", "../e"), urljoin("http://a.test/b/", "/root"), urljoin("http://a.test/b", "http://other.test/"))
print(urlencode({"q": "hello world", "page": 2, "lang": "en&fr"}))
print(quote("a b/c?d=é"), quote_plus("a b&c"), unquote("a%20b%2Fc"))
print(urlsplit("http://h.test/p?a=1"), urlunparse(("https", "h.test", "/x", "", "a=1", "f")))
