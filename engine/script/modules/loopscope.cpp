// The `loopscope` module: a program's settings of the simulated world
// (docs/SIMULATED_WORLD.md, Network): loopscope.network(...) and
// loopscope.site(...). The argument checks are script source (kSource),
// which the CPython oracle runs too (tests/conformance/sim_sites.py reads
// it from this file), so both sides raise the same errors; the natives hand
// the checked values to the world (engine/world/sim_sites.*).

#include "engine/loop/world.hpp"
#include "engine/script/modules/modules.hpp"
#include "engine/script/modules/pysource.hpp"
#include "engine/script/runtime/methods.hpp"
#include "engine/world/sim_sites.hpp"

namespace loopscope::script {

namespace {

const char* const kSource = R"PY(
"""The simulated world's settings: network(...) and site(...)."""
import json as _json


def _number(name, value):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f'{name} must be a number, not {type(value).__name__}')
    if value < 0:
        raise ValueError(f'{name} must be >= 0, got {value!r}')
    return float(value)


def _bandwidth(value):
    if value is None:
        return None
    value = _number('bandwidth', value)
    if value == 0:
        raise ValueError('bandwidth must be > 0 (bytes per second), or None for unlimited')
    return value


def network(*, latency=0.05, bandwidth=None, jitter=0.0, seed=0):
    """Settings of every link to a remote host (not localhost)."""
    latency = _number('latency', latency)
    bandwidth = _bandwidth(bandwidth)
    jitter = _number('jitter', jitter)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise TypeError(f'seed must be an int, not {type(seed).__name__}')
    if seed < 0:
        raise ValueError(f'seed must be >= 0, got {seed!r}')
    _world_network(latency, 0.0 if bandwidth is None else bandwidth, jitter, seed)


def _body(key, body):
    if isinstance(body, str):
        return body.encode(), 'text/plain; charset=utf-8'
    if isinstance(body, bytes):
        return body, 'application/octet-stream'
    if isinstance(body, (dict, list)):
        return _json.dumps(body).encode(), 'application/json'
    raise TypeError(f'route {key!r}: body must be str, bytes, dict or list, not {type(body).__name__}')


_OPTIONS = ('status', 'body', 'delay', 'content_type', 'reset', 'reset_after')


def _route(key, spec):
    if not isinstance(key, str):
        raise TypeError(f'a route must be a str, not {type(key).__name__}')
    method, _, path = key.rpartition(' ')
    if not path.startswith('/'):
        raise ValueError(f"route {key!r} must be a path starting with '/', after an optional method ('POST /items')")
    options = {}
    if isinstance(spec, tuple):
        if len(spec) != 2:
            raise ValueError(f'route {key!r}: a tuple must be (status, body)')
        options = {'status': spec[0], 'body': spec[1]}
    elif isinstance(spec, dict):
        for name in spec:
            if name not in _OPTIONS:
                raise TypeError(f'route {key!r}: unknown option {name!r}')
        options = spec
    else:
        options = {'body': spec}
    status = options.get('status', 200)
    if isinstance(status, bool) or not isinstance(status, int):
        raise TypeError(f'route {key!r}: status must be an int, not {type(status).__name__}')
    if not 100 <= status <= 599:
        raise ValueError(f'route {key!r}: status must be 100-599, got {status!r}')
    body, content_type = _body(key, options.get('body', ''))
    content_type = options.get('content_type', content_type)
    if not isinstance(content_type, str):
        raise TypeError(f'route {key!r}: content_type must be a str, not {type(content_type).__name__}')
    delay = _number(f'route {key!r}: delay', options.get('delay', 0))
    reset = -1
    if options.get('reset', False):
        reset = 0
    if 'reset_after' in options:
        reset = options['reset_after']
        if isinstance(reset, bool) or not isinstance(reset, int):
            raise TypeError(f'route {key!r}: reset_after must be an int, not {type(reset).__name__}')
        if reset < 0:
            raise ValueError(f'route {key!r}: reset_after must be >= 0, got {reset!r}')
    return (method.upper(), path, status, body, content_type, delay, reset)


def site(host, port=80, *, routes=None, latency=None, bandwidth=None):
    """A virtual web site: `host` answers HTTP/1.1 on `port` with `routes`."""
    if not isinstance(host, str):
        raise TypeError(f'host must be a str, not {type(host).__name__}')
    if host in ('', 'localhost', '0.0.0.0') or host.startswith('127.') or host.replace('.', '').isdigit():
        raise ValueError(f'host must be a host name (not localhost or an IP address), got {host!r}')
    if isinstance(port, bool) or not isinstance(port, int):
        raise TypeError(f'port must be an int, not {type(port).__name__}')
    if not 1 <= port <= 65535:
        raise ValueError(f'port must be 1-65535, got {port!r}')
    if routes is None:
        routes = {}
    if not isinstance(routes, dict):
        raise TypeError(f'routes must be a dict, not {type(routes).__name__}')
    if latency is not None:
        latency = _number('latency', latency)
    bandwidth = _bandwidth(bandwidth)
    table = [_route(key, spec) for key, spec in routes.items()]
    _world_site(host, port, latency, bandwidth, table)


def blocking_exchange(host, port, data):
    """For blocking clients (requests): connect at the current time, send
    `data` at once, take every answer of the site. Returns (reply bytes,
    seconds it took or None if nobody ever answers, outcome: 'open',
    'closed', 'reset', 'refused' or 'silent'). No time passes: the caller
    blocks (time.sleep) for the seconds."""
    if not isinstance(host, str):
        raise TypeError(f'host must be a str, not {type(host).__name__}')
    if isinstance(port, bool) or not isinstance(port, int):
        raise TypeError(f'port must be an int, not {type(port).__name__}')
    if not isinstance(data, bytes):
        raise TypeError(f'data must be bytes, not {type(data).__name__}')
    return _world_exchange(host, port, data)
)PY";

SimSites& sites(Interp& in) { return in.world().net.sites(); }

double number_arg(const Value& v) { return v.is_float() ? v.as_float() : double(v.as_int()); }

std::optional<double> optional_number(const Value& v) {
  if (v.is_none()) return std::nullopt;
  return number_arg(v);
}

std::string bytes_arg(const Value& v) { return v.as<BytesObj>()->value; }

std::string str_arg(const Value& v) { return v.as<StrObj>()->value; }

// _world_network(latency, bandwidth, jitter, seed), checked by network().
Value n_network(Interp& in, const Value&, CallArgs& a) {
  check_args("_world_network", a, 4, 4);
  sites(in).network(number_arg(a.pos[0]), number_arg(a.pos[1]), number_arg(a.pos[2]),
                    uint64_t(to_int(a.pos[3], "seed")));
  return Value();
}

SimSites::Route route_of(const Value& v) {
  const auto& t = v.as<TupleObj>()->items;
  SimSites::Route r;
  r.method = str_arg(t.at(0));
  r.path = str_arg(t.at(1));
  r.status = int(to_int(t.at(2), "status"));
  r.body = bytes_arg(t.at(3));
  r.content_type = str_arg(t.at(4));
  r.delay = number_arg(t.at(5));
  r.reset_after = to_int(t.at(6), "reset");
  return r;
}

// _world_site(host, port, latency, bandwidth, routes), checked by site().
Value n_site(Interp& in, const Value&, CallArgs& a) {
  check_args("_world_site", a, 5, 5);
  std::vector<SimSites::Route> routes;
  for (const Value& item : a.pos[4].as<ListObj>()->items) routes.push_back(route_of(item));
  sites(in).site(str_arg(a.pos[0]), to_int(a.pos[1], "port"), optional_number(a.pos[2]), optional_number(a.pos[3]),
                 std::move(routes));
  return Value();
}

// _world_exchange(host, port, data), checked by blocking_exchange().
Value n_exchange(Interp& in, const Value&, CallArgs& a) {
  check_args("_world_exchange", a, 3, 3);
  SimNet& net = in.world().net;
  std::string ip = net.host_ip(str_arg(a.pos[0]));
  int64_t port = to_int(a.pos[1], "port");
  SimSites::Exchange x;
  if (ip.rfind("127.", 0) == 0) {
    // On the machine: a listener cannot answer a blocked loop; no listener
    // refuses. (A socket bound for the test: bind fails where one listens.)
    int fd = net.open_socket();
    bool listening = !net.bind(fd, {ip, port});
    net.close(fd);
    x.outcome = listening ? "silent" : "refused";
    if (!listening) x.seconds = 0.0;
  } else {
    x = sites(in).exchange(ip, port, bytes_arg(a.pos[2]), in.world().now);
  }
  Value seconds = x.seconds ? Value::real(*x.seconds) : Value();
  return Value::object(make<TupleObj>(std::vector<Value>{bytes_value(std::move(x.reply)), seconds, str_value(x.outcome)}));
}

}  // namespace

Ref<ModuleObj> make_loopscope_module(Interp& in) {
  Ref<ModuleObj> m = make<ModuleObj>("loopscope");
  add_function(*m, "_world_network", n_network);
  add_function(*m, "_world_site", n_site);
  add_function(*m, "_world_exchange", n_exchange);
  run_source_in_module(in, m, "loopscope.py", kSource);
  return m;
}

}  // namespace loopscope::script
