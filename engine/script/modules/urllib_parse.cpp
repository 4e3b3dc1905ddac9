// urllib.parse (and its package urllib): splitting, joining and quoting
// URLs, written in the script language: urlparse/urlsplit with their
// result tuples (hostname, port, username, password), urlunparse,
// urlunsplit, urljoin (RFC 3986 resolution), quote/quote_plus,
// unquote/unquote_plus, urlencode, parse_qs and parse_qsl.

#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
from collections import namedtuple as _namedtuple

uses_relative = ['', 'ftp', 'http', 'gopher', 'nntp', 'imap', 'wais', 'file', 'https', 'shttp', 'mms',
                 'prospero', 'rtsp', 'rtspu', 'sftp', 'svn', 'svn+ssh', 'ws', 'wss']
uses_netloc = ['', 'ftp', 'http', 'gopher', 'nntp', 'telnet', 'imap', 'wais', 'file', 'mms', 'https', 'shttp',
               'snews', 'prospero', 'rtsp', 'rtspu', 'rsync', 'svn', 'svn+ssh', 'sftp', 'nfs', 'git', 'git+ssh',
               'ws', 'wss']
uses_params = ['', 'ftp', 'hdl', 'prospero', 'http', 'imap', 'https', 'shttp', 'rtsp', 'rtspu', 'sip', 'sips',
               'mms', 'sftp', 'tel']
scheme_chars = ('abcdefghijklmnopqrstuvwxyz'
                'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                '0123456789'
                '+-.')
_ALWAYS_SAFE = set(b'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                         b'abcdefghijklmnopqrstuvwxyz'
                         b'0123456789'
                         b'_.-~')


class _NetlocMixin:
    __slots__ = ()

    def _userinfo(self):
        userinfo, have_info, _ = self.netloc.rpartition('@')
        if not have_info:
            return None, None
        user, have_password, password = userinfo.partition(':')
        return user, (password if have_password else None)

    def _hostinfo(self):
        _, _, hostinfo = self.netloc.rpartition('@')
        if hostinfo.startswith('['):
            host, _, rest = hostinfo[1:].partition(']')
            _, _, port = rest.partition(':')
        else:
            host, _, port = hostinfo.partition(':')
        return host, port

    @property
    def username(self):
        return self._userinfo()[0]

    @property
    def password(self):
        return self._userinfo()[1]

    @property
    def hostname(self):
        host = self._hostinfo()[0]
        if not host:
            return None
        return host.lower()

    @property
    def port(self):
        port = self._hostinfo()[1]
        if not port:
            return None
        if not port.isdigit() or not port.isascii():
            raise ValueError(f"Port could not be cast to integer value as {port!r}")
        port = int(port)
        if not 0 <= port <= 65535:
            raise ValueError("Port out of range 0-65535")
        return port


class SplitResult(_namedtuple('SplitResult', 'scheme netloc path query fragment'), _NetlocMixin):
    __slots__ = ()

    def geturl(self):
        return urlunsplit(self)


class ParseResult(_namedtuple('ParseResult', 'scheme netloc path params query fragment'), _NetlocMixin):
    __slots__ = ()

    def geturl(self):
        return urlunparse(self)


class DefragResult(_namedtuple('DefragResult', 'url fragment')):
    __slots__ = ()

    def geturl(self):
        return self.url + '#' + self.fragment if self.fragment else self.url


def urlsplit(url, scheme='', allow_fragments=True):
    url = url.lstrip(''.join(chr(c) for c in range(33)))
    for c in '\t\r\n':
        url = url.replace(c, '')
    netloc = query = fragment = ''
    i = url.find(':')
    if i > 0 and url[0].isascii() and url[0].isalpha():
        if all(c in scheme_chars for c in url[:i]):
            scheme, url = url[:i].lower(), url[i + 1:]
    if url[:2] == '//':
        end = len(url)
        for c in '/?#':
            k = url.find(c, 2)
            if k >= 0:
                end = min(end, k)
        netloc, url = url[2:end], url[end:]
        if ('[' in netloc and ']' not in netloc) or (']' in netloc and '[' not in netloc):
            raise ValueError("Invalid IPv6 URL")
    if allow_fragments and '#' in url:
        url, fragment = url.split('#', 1)
    if '?' in url:
        url, query = url.split('?', 1)
    return SplitResult(scheme, netloc, url, query, fragment)


def urlparse(url, scheme='', allow_fragments=True):
    scheme, netloc, url, query, fragment = urlsplit(url, scheme, allow_fragments)
    params = ''
    if scheme in uses_params and ';' in url:
        start = url.rfind('/') if '/' in url else 0
        k = url.find(';', start)
        if k >= 0:
            url, params = url[:k], url[k + 1:]
    return ParseResult(scheme, netloc, url, params, query, fragment)


def urlunsplit(components):
    scheme, netloc, url, query, fragment = components
    if netloc or (scheme and scheme in uses_netloc and url[:2] != '//'):
        if url and url[:1] != '/':
            url = '/' + url
        url = '//' + (netloc or '') + url
    if scheme:
        url = scheme + ':' + url
    if query:
        url = url + '?' + query
    if fragment:
        url = url + '#' + fragment
    return url


def urlunparse(components):
    scheme, netloc, url, params, query, fragment = components
    if params:
        url = "%s;%s" % (url, params)
    return urlunsplit((scheme, netloc, url, query, fragment))


def urldefrag(url):
    if '#' in url:
        s, n, p, a, q, frag = urlparse(url)
        return DefragResult(urlunparse((s, n, p, a, q, '')), frag)
    return DefragResult(url, '')


def _resolve(base_path, path):
    if path[:1] == '/':
        segments = path.split('/')
    else:
        parts = base_path.split('/')
        if parts[-1] != '':
            parts.pop()
        segments = parts + path.split('/')
        segments[1:-1] = [s for s in segments[1:-1] if s]
    out = []
    for seg in segments:
        if seg == '..':
            if out:
                out.pop()
        elif seg != '.':
            out.append(seg)
    if segments[-1] in ('.', '..'):
        out.append('')
    return '/'.join(out) or '/'


def urljoin(base, url, allow_fragments=True):
    if not base:
        return url
    if not url:
        return base
    bscheme, bnetloc, bpath, bparams, bquery, bfragment = urlparse(base, '', allow_fragments)
    scheme, netloc, path, params, query, fragment = urlparse(url, bscheme, allow_fragments)
    if scheme != bscheme or scheme not in uses_relative:
        return url
    if scheme in uses_netloc:
        if netloc:
            return urlunparse((scheme, netloc, path, params, query, fragment))
        netloc = bnetloc
    if not path and not params:
        return urlunparse((scheme, netloc, bpath, bparams, query or bquery, fragment))
    return urlunparse((scheme, netloc, _resolve(bpath, path), params, query, fragment))


def quote(string, safe='/', encoding=None, errors=None):
    data = string.encode(encoding or 'utf-8', errors or 'strict') if isinstance(string, str) else bytes(string)
    if isinstance(safe, str):
        safe = safe.encode('ascii', 'ignore')
    keep = _ALWAYS_SAFE | set(safe)
    return ''.join(chr(b) if b in keep else '%%%02X' % b for b in data)


def quote_plus(string, safe='', encoding=None, errors=None):
    if (isinstance(string, str) and ' ' not in string) or (isinstance(string, bytes) and b' ' not in string):
        return quote(string, safe, encoding, errors)
    if isinstance(safe, str):
        space = ' '
    else:
        space = b' '
    return quote(string, safe + space, encoding, errors).replace(' ', '+')


def unquote(string, encoding='utf-8', errors='replace'):
    if '%' not in string:
        return string
    pieces = string.split('%')
    out = bytearray(pieces[0].encode(encoding, errors))
    for piece in pieces[1:]:
        code = piece[:2]
        if len(code) == 2 and all(c in '0123456789abcdefABCDEF' for c in code):
            out.append(int(code, 16))
            out += piece[2:].encode(encoding, errors)
        else:
            out += ('%' + piece).encode(encoding, errors)
    return bytes(out).decode(encoding, errors)


def unquote_plus(string, encoding='utf-8', errors='replace'):
    return unquote(string.replace('+', ' '), encoding, errors)


def urlencode(query, doseq=False, safe='', encoding=None, errors=None, quote_via=quote_plus):
    if hasattr(query, "items"):
        query = query.items()
    out = []
    for k, v in query:
        k = quote_via(k if isinstance(k, (str, bytes)) else str(k), safe, encoding, errors)
        if not doseq or isinstance(v, (str, bytes)):
            v = quote_via(v if isinstance(v, (str, bytes)) else str(v), safe, encoding, errors)
            out.append(k + '=' + v)
            continue
        try:
            len(v)
        except TypeError:
            out.append(k + '=' + quote_via(str(v), safe, encoding, errors))
            continue
        for item in v:
            item = item if isinstance(item, (str, bytes)) else str(item)
            out.append(k + '=' + quote_via(item, safe, encoding, errors))
    return '&'.join(out)


def parse_qsl(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8', errors='replace',
              max_num_fields=None, separator='&'):
    if not qs:
        return []
    out = []
    for field in qs.split(separator):
        if not field and not strict_parsing:
            continue
        name_value = field.split('=', 1)
        if len(name_value) != 2:
            if strict_parsing:
                raise ValueError("bad query field: %r" % (field,))
            if not keep_blank_values:
                continue
            name_value.append('')
        if name_value[1] or keep_blank_values:
            name = unquote(name_value[0].replace('+', ' '), encoding, errors)
            value = unquote(name_value[1].replace('+', ' '), encoding, errors)
            out.append((name, value))
    return out


def parse_qs(qs, keep_blank_values=False, strict_parsing=False, encoding='utf-8', errors='replace',
             max_num_fields=None, separator='&'):
    result = {}
    for name, value in parse_qsl(qs, keep_blank_values, strict_parsing, encoding, errors, max_num_fields,
                                 separator):
        result.setdefault(name, []).append(value)
    return result
)PY";

}  // namespace

Ref<ModuleObj> make_urllib_parse_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("urllib.parse");
  run_source_in_module(in, m, "urllib/parse.py", kSource);
  return m;
}

Ref<ModuleObj> make_urllib_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("urllib");
  m->globals["parse"] = in.import_module("urllib.parse");
  return m;
}

}  // namespace loopscope::script
