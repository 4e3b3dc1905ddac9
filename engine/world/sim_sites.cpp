#include "engine/world/sim_sites.hpp"

#include <algorithm>

namespace loopscope {

namespace {

constexpr int kFirstHost = 2;  // remote names: 10.0.0.2, 10.0.0.3, ...
constexpr const char* kText = "text/plain; charset=utf-8";
constexpr const char* kJson = "application/json";

const char* reason(int status) {
  static const std::map<int, const char*> reasons = {
      {200, "OK"},
      {201, "Created"},
      {202, "Accepted"},
      {204, "No Content"},
      {301, "Moved Permanently"},
      {302, "Found"},
      {304, "Not Modified"},
      {400, "Bad Request"},
      {401, "Unauthorized"},
      {403, "Forbidden"},
      {404, "Not Found"},
      {405, "Method Not Allowed"},
      {408, "Request Timeout"},
      {409, "Conflict"},
      {418, "I'm a Teapot"},
      {429, "Too Many Requests"},
      {500, "Internal Server Error"},
      {502, "Bad Gateway"},
      {503, "Service Unavailable"},
      {504, "Gateway Timeout"},
  };
  auto it = reasons.find(status);
  return it == reasons.end() ? "Unknown" : it->second;
}

bool all_digits(const std::string& s, size_t min, size_t max) {
  if (s.size() < min || s.size() > max) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::string strip(const std::string& s) {
  size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
  return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  return s;
}

std::string json_text(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '\\' || c == '"') out += '\\';
    out += c;
  }
  return out;
}

// A request parsed from the start of a buffer.
struct Request {
  enum class State { Incomplete, Bad, Ready } state = State::Incomplete;
  std::string method, target, body;
  bool close = false;
  size_t used = 0;
};

Request parse_request(const std::string& buf) {
  Request r;
  size_t end = buf.find("\r\n\r\n");
  if (end == std::string::npos) return r;
  r.state = Request::State::Bad;
  std::vector<std::string> lines;
  for (size_t at = 0;;) {
    size_t nl = buf.find("\r\n", at);
    if (nl == std::string::npos || nl > end) nl = end;
    lines.push_back(buf.substr(at, nl - at));
    if (nl == end) break;
    at = nl + 2;
  }
  std::vector<std::string> parts;
  for (size_t at = 0;;) {
    size_t sp = lines[0].find(' ', at);
    parts.push_back(lines[0].substr(at, sp == std::string::npos ? std::string::npos : sp - at));
    if (sp == std::string::npos) break;
    at = sp + 1;
  }
  if (parts.size() != 3 || parts[2].rfind("HTTP/", 0) != 0) return r;
  std::map<std::string, std::string> headers;
  for (size_t i = 1; i < lines.size(); ++i) {
    size_t colon = lines[i].find(':');
    if (colon == std::string::npos) return r;
    headers[lower(strip(lines[i].substr(0, colon)))] = strip(lines[i].substr(colon + 1));
  }
  std::string length = headers.count("content-length") ? headers["content-length"] : "0";
  if (!all_digits(length, 1, 12)) return r;
  r.used = end + 4 + size_t(std::stoll(length));
  if (buf.size() < r.used) {
    r.state = Request::State::Incomplete;
    return r;
  }
  r.state = Request::State::Ready;
  r.method = parts[0];
  r.target = parts[1];
  r.body = buf.substr(end + 4, r.used - end - 4);
  r.close = lower(headers["connection"]) == "close";
  return r;
}

SimSites::Route make_route(int status, std::string body, std::string type, double delay = 0, int64_t reset = -1) {
  SimSites::Route r;
  r.status = status;
  r.body = std::move(body);
  r.content_type = std::move(type);
  r.delay = delay;
  r.reset_after = reset;
  return r;
}

bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

// The site of a host nobody defined (httpbin-like).
SimSites::Route default_site(const std::string& name, const std::string& method, const std::string& target,
                             const std::string& path, size_t body_size) {
  if (starts_with(path, "/status/") && all_digits(path.substr(8), 3, 3)) {
    int status = std::stoi(path.substr(8));
    if (status >= 100 && status <= 599) return make_route(status, "", kText);
  }
  bool delayed = starts_with(path, "/delay/") && all_digits(path.substr(7), 1, 2);
  double delay = delayed ? double(std::min(std::stoi(path.substr(7)), 10)) : 0.0;
  if (starts_with(path, "/bytes/") && all_digits(path.substr(7), 1, 8)) {
    size_t n = std::min<size_t>(std::stoul(path.substr(7)), 10'000'000);
    return make_route(200, std::string(n, 'x'), "application/octet-stream");
  }
  if (path == "/json") {
    return make_route(200, R"({"slideshow": {"title": "Sample Slide Show", "slides": 2}})", kJson);
  }
  if (path == "/" || path == "/html") {
    return make_route(200, "<html><body><h1>" + name + "</h1></body></html>", "text/html; charset=utf-8");
  }
  if (path == "/reset") return make_route(200, "", kText, 0.0, 0);
  if (delayed || path == "/get" || path == "/post" || path == "/put" || path == "/patch" || path == "/delete" ||
      path == "/anything" || starts_with(path, "/anything/")) {
    std::string echo = "{\"method\": \"" + json_text(method) + "\", \"url\": \"http://" + json_text(name + target) +
                       "\", \"length\": " + std::to_string(body_size) + "}";
    return make_route(200, echo, kJson, delay);
  }
  return make_route(404, "Not Found", kText);
}

}  // namespace

struct SimSites::Host {
  std::string name, ip;
  bool defined = false;  // false: the default site on 80 and 443
  std::map<int64_t, std::vector<Route>> sites;
  std::optional<double> latency, bandwidth;
};

struct SimSites::Conn {
  Host* host = nullptr;
  int64_t port = 0;
  Link up, down;
  std::string buf;
  double busy = 0;      // when the site can start its next answer
  bool closed = false;  // the site sends nothing more
};

size_t SimSites::Link::queued(double t) {
  while (!segments.empty() && segments.front().first <= t) segments.pop_front();
  size_t n = 0;
  for (const auto& s : segments) n += s.second;
  return n;
}

SimSites::SimSites() { network(0.05, 0, 0, 0); }
SimSites::~SimSites() = default;

void SimSites::network(double latency, double bandwidth, double jitter, uint64_t seed) {
  latency_ = latency;
  bandwidth_ = bandwidth;
  jitter_ = jitter;
  rng_ = seed;
}

// splitmix64, as the oracle's Rng.
double SimSites::next_float() {
  rng_ += 0x9E3779B97F4A7C15ULL;
  uint64_t z = rng_;
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  z ^= z >> 31;
  return double(z >> 11) * (1.0 / 9007199254740992.0);
}

double SimSites::carry(Link& l, double t, size_t size) {
  double start = std::max(t, l.free_at);
  double end = l.bandwidth > 0 ? start + double(size) / l.bandwidth : start;
  l.free_at = end;
  if (size) l.segments.emplace_back(end, size);
  double arrival = end + l.latency;
  if (jitter_ > 0) arrival += jitter_ * next_float();
  arrival = std::max(arrival, l.last);
  l.last = arrival;
  return arrival;
}

std::string SimSites::host_ip(const std::string& name) {
  auto it = names_.find(name);
  if (it != names_.end()) return it->second->ip;
  auto h = std::make_unique<Host>();
  h->name = name;
  h->ip = "10.0.0." + std::to_string(kFirstHost + int(names_.size()));
  by_ip_[h->ip] = h.get();
  std::string ip = h->ip;
  names_[name] = std::move(h);
  return ip;
}

void SimSites::site(const std::string& name, int64_t port, std::optional<double> latency,
                    std::optional<double> bandwidth, std::vector<Route> routes) {
  Host* h = by_ip_[host_ip(name)];
  if (!h->defined) {
    h->defined = true;
    h->sites.clear();
  }
  h->sites[port] = std::move(routes);
  if (latency) h->latency = latency;
  if (bandwidth) h->bandwidth = bandwidth;
}

int64_t SimSites::connect(const std::string& ip, int64_t port, double t, std::vector<SimSiteEvent>& out) {
  auto it = by_ip_.find(ip);
  if (it == by_ip_.end()) return -1;
  Host* h = it->second;
  auto c = std::make_unique<Conn>();
  c->host = h;
  c->port = port;
  double lat = h->latency.value_or(latency_), bw = h->bandwidth.value_or(bandwidth_);
  c->up.latency = c->down.latency = lat;
  c->up.bandwidth = c->down.bandwidth = bw;
  double syn = carry(c->up, t, 0);
  bool served = h->defined ? h->sites.count(port) > 0 : (port == 80 || port == 443);
  out.push_back({carry(c->down, syn, 0), served ? SimSiteEvent::Kind::Connected : SimSiteEvent::Kind::Refused, {}});
  if (!served) return -1;
  conns_[next_conn_] = std::move(c);
  return next_conn_++;
}

size_t SimSites::send(int64_t id, const std::string& data, double t, std::vector<SimSiteEvent>& out) {
  auto it = conns_.find(id);
  if (it == conns_.end()) return data.size();
  Conn& c = *it->second;
  size_t queued = c.up.queued(t);
  size_t take = std::min(data.size(), queued >= kSendBuffer ? 0 : kSendBuffer - queued);
  if (take == 0) return 0;
  receive(c, data.substr(0, take), carry(c.up, t, take), out);
  if (c.up.queued(t) >= kSendBuffer) out.push_back({c.up.segments.front().first, SimSiteEvent::Kind::Room, {}});
  return take;
}

bool SimSites::has_room(int64_t id, double t) {
  auto it = conns_.find(id);
  return it == conns_.end() || it->second->up.queued(t) < kSendBuffer;
}

SimSites::Exchange SimSites::exchange(const std::string& ip, int64_t port, const std::string& data, double t) {
  Exchange x;
  std::vector<SimSiteEvent> out;
  int64_t id = connect(ip, port, t, out);
  if (out.empty()) {
    x.outcome = "silent";
    return x;
  }
  if (id < 0) {
    x.seconds = out[0].when - t;
    x.outcome = "refused";
    return x;
  }
  double at = out[0].when, last = at;
  out.clear();
  Conn& c = *conns_.at(id);
  receive(c, data, carry(c.up, at, data.size()), out);
  c.closed = true;
  x.outcome = "open";
  for (const SimSiteEvent& e : out) {
    if (e.kind == SimSiteEvent::Kind::Data) x.reply += e.data;
    if (e.kind == SimSiteEvent::Kind::Reset) x.outcome = "reset";
    if (e.kind == SimSiteEvent::Kind::Eof && x.outcome != "reset") x.outcome = "closed";
    last = std::max(last, e.when);
  }
  x.seconds = last - t;
  return x;
}

void SimSites::send_eof(int64_t id, double t, std::vector<SimSiteEvent>& out) {
  auto it = conns_.find(id);
  if (it == conns_.end()) return;
  Conn& c = *it->second;
  double at = carry(c.up, t, 0);
  if (c.closed) return;
  c.closed = true;
  out.push_back({carry(c.down, std::max(at, c.busy), 0), SimSiteEvent::Kind::Eof, {}});
}

void SimSites::receive(Conn& c, const std::string& data, double t, std::vector<SimSiteEvent>& out) {
  if (c.closed) return;
  c.buf += data;
  while (!c.closed) {
    Request req = parse_request(c.buf);
    if (req.state == Request::State::Incomplete) return;
    if (req.state == Request::State::Bad) {
      c.buf.clear();
      answer(c, t, make_route(400, "Bad Request", kText), true, false, out);
      return;
    }
    c.buf.erase(0, req.used);
    answer(c, t, route(c, req.method, req.target, req.body.size()), req.close, req.method == "HEAD", out);
  }
}

SimSites::Route SimSites::route(const Conn& c, const std::string& method, const std::string& target,
                                size_t body_size) const {
  std::string path = target.substr(0, target.find('?'));
  if (!c.host->defined) return default_site(c.host->name, method, target, path, body_size);
  const std::vector<Route>& routes = c.host->sites.at(c.port);
  for (const Route& r : routes)
    if (r.method == method && r.path == path) return r;
  for (const Route& r : routes)
    if (r.method.empty() && r.path == path) return r;
  return make_route(404, "Not Found", kText);
}

void SimSites::answer(Conn& c, double t, const Route& r, bool close, bool head_only,
                      std::vector<SimSiteEvent>& out) {
  double start = std::max(t + r.delay, c.busy);
  c.busy = start;
  std::string data = "HTTP/1.1 " + std::to_string(r.status) + " " + reason(r.status) +
                     "\r\nContent-Type: " + r.content_type + "\r\nContent-Length: " + std::to_string(r.body.size()) +
                     "\r\n";
  if (close) data += "Connection: close\r\n";
  data += "\r\n";
  if (!head_only) data += r.body;  // HEAD: the headers only
  if (r.reset_after >= 0) data = data.substr(0, std::min(data.size(), size_t(r.reset_after)));
  if (!data.empty()) {
    double when = carry(c.down, start, data.size());
    out.push_back({when, SimSiteEvent::Kind::Data, std::move(data)});
  }
  if (r.reset_after >= 0) {
    out.push_back({carry(c.down, start, 0), SimSiteEvent::Kind::Reset, {}});
    c.closed = true;
  } else if (close) {
    out.push_back({carry(c.down, start, 0), SimSiteEvent::Kind::Eof, {}});
    c.closed = true;
  }
}

}  // namespace loopscope
