#include "engine/world/sim_net.hpp"

#include <algorithm>
#include <functional>
#include <tuple>

#include "engine/loop/event_loop.hpp"
#include "engine/loop/handle.hpp"
#include "engine/world/sim_sites.hpp"

namespace loopscope {

namespace {
constexpr unsigned kRead = 1, kWrite = 2;  // selectors.EVENT_READ / EVENT_WRITE
constexpr int kConnRefused = 111;          // ECONNREFUSED

bool is_ipv4(const std::string& host) {
  int parts = 0;
  size_t at = 0;
  while (true) {
    size_t dot = host.find('.', at);
    std::string p = host.substr(at, dot == std::string::npos ? std::string::npos : dot - at);
    if (p.empty() || p.size() > 3 || p.find_first_not_of("0123456789") != std::string::npos || std::stoi(p) > 255)
      return false;
    ++parts;
    if (dot == std::string::npos) break;
    at = dot + 1;
  }
  return parts == 4;
}

bool is_local(const std::string& ip) { return ip.rfind("127.", 0) == 0; }
}  // namespace

struct SimNet::Socket {
  int fd = -1;
  Address local{"0.0.0.0", 0};
  std::optional<Address> peer_address;
  int peer = -1;              // the connected socket's fd, -1 once it is gone
  std::string inbox;
  bool eof = false;           // the peer sends nothing more
  bool shut_write = false;
  bool listening = false;
  bool connecting = false;    // writable once: the connect's outcome
  std::deque<int> backlog;    // accepted-to-be connections
  int error = 0;              // pending SO_ERROR
  uint64_t since = 0;         // when it last became ready
  uint64_t uid = 0;           // identity (descriptors are reused)
  int64_t remote = -1;        // SimSites connection of a remote socket
  bool remote_socket = false; // connected (or connecting) to a remote host
  std::optional<Address> remote_address;
  bool reset = false;         // the peer reset the connection
};

// What the remote side sent, on its way to a socket.
struct SimNet::Arrival {
  double when = 0;
  uint64_t order = 0;
  int fd = -1;
  uint64_t uid = 0;
  SimSiteEvent::Kind kind = SimSiteEvent::Kind::Data;
  std::string data;
  bool operator>(const Arrival& o) const { return when != o.when ? when > o.when : order > o.order; }
};

SimNet::SimNet() : sites_(std::make_unique<SimSites>()) {}
SimNet::~SimNet() = default;

std::string SimNet::host_ip(const std::optional<std::string>& host) {
  if (!host || host->empty() || *host == "localhost" || *host == "0.0.0.0") return "127.0.0.1";
  if (is_ipv4(*host)) return *host;
  return sites_->host_ip(*host);
}

SimNet::Socket* SimNet::find(int fd) const {
  auto it = sockets_.find(fd);
  return it == sockets_.end() ? nullptr : it->second.get();
}

bool SimNet::is_open(int fd) const { return find(fd) != nullptr; }

int SimNet::open_socket() {
  int fd = kFirstFd;
  while (sockets_.count(fd)) ++fd;
  auto s = std::make_unique<Socket>();
  s->fd = fd;
  s->since = seq_++;
  s->uid = next_uid_++;
  sockets_[fd] = std::move(s);
  return fd;
}

void SimNet::mark_ready(Socket& s) { s.since = seq_++; }

unsigned SimNet::events(const Socket& s) const {
  unsigned mask = 0;
  if (!s.backlog.empty() || !s.inbox.empty() || s.eof || s.reset) mask |= kRead;
  if (s.remote_socket) {
    if (s.connecting || s.reset ||
        (s.peer_address && !s.shut_write && s.error == 0 && sites_->has_room(s.remote, now())))
      mask |= kWrite;
    return mask;
  }
  if (s.connecting || (s.peer_address && !s.listening && !s.shut_write && s.error == 0)) mask |= kWrite;
  return mask;
}

bool SimNet::bind(int fd, const Address& address) {
  Address a{host_ip(address.first), address.second};
  if (listeners_.count(a)) return false;
  if (Socket* s = find(fd)) s->local = a;
  return true;
}

void SimNet::listen(int fd) {
  Socket* s = find(fd);
  if (!s) return;
  s->listening = true;
  listeners_[s->local] = fd;
}

std::optional<std::pair<int, SimNet::Address>> SimNet::accept(int fd) {
  Socket* s = find(fd);
  if (!s || s->backlog.empty()) return std::nullopt;
  int conn = s->backlog.front();
  s->backlog.pop_front();
  Socket* c = find(conn);
  return std::make_pair(conn, c && c->peer_address ? *c->peer_address : Address{});
}

void SimNet::connect(int fd, const Address& address) {
  Socket* s = find(fd);
  if (!s) return;
  Address to{host_ip(address.first), address.second};
  if (!is_local(to.first)) {
    connect_remote(*s, to);
    return;
  }
  s->local = {"127.0.0.1", next_port_++};
  s->connecting = true;
  auto it = listeners_.find(to);
  Socket* listener = it == listeners_.end() ? nullptr : find(it->second);
  if (!listener) {
    mark_ready(*s);
    s->error = kConnRefused;
    return;
  }
  int cfd = open_socket();
  Socket* c = find(cfd);
  c->local = to;
  c->peer = fd;
  c->peer_address = s->local;
  s->peer = cfd;
  s->peer_address = to;
  // The listener is ready before the client, as Linux's epoll reports a
  // loopback connect.
  if (listener->backlog.empty()) mark_ready(*listener);
  mark_ready(*s);
  listener->backlog.push_back(cfd);
}

void SimNet::connect_remote(Socket& s, const Address& to) {
  s.local = {SimSites::kOwnAddress, next_port_++};
  s.remote_socket = true;
  s.remote_address = to;
  std::vector<SimSiteEvent> out;
  s.remote = sites_->connect(to.first, to.second, now(), out);
  for (const SimSiteEvent& e : out) schedule(e, s.fd, s.uid);
}

void SimNet::schedule(const SimSiteEvent& e, int fd, uint64_t uid) {
  in_flight_.push_back(Arrival{e.when, next_arrival_++, fd, uid, e.kind, e.data});
  std::push_heap(in_flight_.begin(), in_flight_.end(), std::greater<Arrival>());
}

void SimNet::arrive(double t) {
  using K = SimSiteEvent::Kind;
  while (!in_flight_.empty() && in_flight_.front().when <= t) {
    std::pop_heap(in_flight_.begin(), in_flight_.end(), std::greater<Arrival>());
    Arrival a = std::move(in_flight_.back());
    in_flight_.pop_back();
    Socket* s = find(a.fd);
    if (!s || s->uid != a.uid) continue;  // closed meanwhile
    if (a.kind == K::Connected || a.kind == K::Refused) {
      s->connecting = true;
      if (a.kind == K::Refused) {
        s->error = kConnRefused;
      } else {
        s->peer_address = s->remote_address;
      }
    } else if (a.kind == K::Data) {
      bool quiet = !s->inbox.empty() || s->eof || s->reset;
      s->inbox += a.data;
      if (quiet) continue;
    } else if (a.kind == K::Eof) {
      if (s->eof) continue;
      s->eof = true;
      if (!s->inbox.empty()) continue;
    } else if (a.kind == K::Reset) {
      s->reset = true;
    }
    mark_ready(*s);
  }
}

bool SimNet::wakes(const Arrival& a, const EventLoop* loop) const {
  Socket* s = find(a.fd);
  if (!s || s->uid != a.uid) return false;
  auto it = registered_.find(a.fd);
  if (it == registered_.end() || it->second.loop != loop) return false;
  using K = SimSiteEvent::Kind;
  bool read = a.kind == K::Data || a.kind == K::Eof || a.kind == K::Reset;
  bool write = a.kind != K::Data && a.kind != K::Eof;
  return (read && it->second.reader) || (write && it->second.writer);
}

std::optional<double> SimNet::next_wake(const EventLoop* loop) const {
  std::optional<double> wake;
  for (const Arrival& a : in_flight_)
    if ((!wake || a.when < *wake) && wakes(a, loop)) wake = a.when;
  return wake;
}

bool SimNet::is_reset(int fd) const {
  Socket* s = find(fd);
  return s && s->reset;
}

int SimNet::take_error(int fd) {
  Socket* s = find(fd);
  if (!s) return 0;
  return std::exchange(s->error, 0);
}

std::optional<std::string> SimNet::recv(int fd, size_t n) {
  Socket* s = find(fd);
  if (!s) return std::nullopt;
  if (!s->inbox.empty()) {
    std::string data = s->inbox.substr(0, n);
    s->inbox.erase(0, data.size());
    return data;
  }
  if (s->reset) return std::nullopt;  // the caller asks is_reset()
  if (s->eof) return std::string();
  return std::nullopt;
}

size_t SimNet::send(int fd, const std::string& data) {
  Socket* s = find(fd);
  if (s && s->remote_socket) {
    if (s->reset) return 0;  // the caller asks is_reset()
    std::vector<SimSiteEvent> out;
    size_t took = sites_->send(s->remote, data, now(), out);
    for (const SimSiteEvent& e : out) schedule(e, fd, s->uid);
    return took;
  }
  Socket* p = s ? find(s->peer) : nullptr;
  if (p && p->peer == fd && !data.empty()) {
    if (p->inbox.empty() && !p->eof) mark_ready(*p);
    p->inbox += data;
  }
  return data.size();
}

void SimNet::give_eof(Socket& s) {
  if (s.shut_write) return;
  s.shut_write = true;
  if (s.remote_socket && s.remote >= 0 && !s.reset) {
    std::vector<SimSiteEvent> out;
    sites_->send_eof(s.remote, now(), out);
    for (const SimSiteEvent& e : out) schedule(e, s.fd, s.uid);
  }
  Socket* p = find(s.peer);
  if (!p || p->peer != s.fd || p->eof) return;
  if (p->inbox.empty()) mark_ready(*p);
  p->eof = true;
}

void SimNet::shutdown_write(int fd) {
  if (Socket* s = find(fd)) give_eof(*s);
}

void SimNet::close(int fd) {
  Socket* s = find(fd);
  if (!s) return;
  give_eof(*s);
  if (s->listening) {
    auto it = listeners_.find(s->local);
    if (it != listeners_.end() && it->second == fd) listeners_.erase(it);
    std::deque<int> pending = std::move(s->backlog);
    for (int c : pending) close(c);
  }
  if (Socket* p = find(s->peer); p && p->peer == fd) p->peer = -1;
  sockets_.erase(fd);
}

std::optional<SimNet::Address> SimNet::sockname(int fd) const {
  Socket* s = find(fd);
  if (!s) return std::nullopt;
  return s->local;
}

std::optional<SimNet::Address> SimNet::peername(int fd) const {
  Socket* s = find(fd);
  if (!s) return std::nullopt;
  return s->peer_address;
}

Ref<Handle> SimNet::set_reader(EventLoop* loop, int fd, Ref<Handle> h) {
  Registration& r = registered_[fd];
  r.loop = loop;
  return std::exchange(r.reader, std::move(h));
}

Ref<Handle> SimNet::set_writer(EventLoop* loop, int fd, Ref<Handle> h) {
  Registration& r = registered_[fd];
  r.loop = loop;
  return std::exchange(r.writer, std::move(h));
}

Ref<Handle> SimNet::clear_reader(int fd) {
  auto it = registered_.find(fd);
  if (it == registered_.end()) return {};
  Ref<Handle> old = std::move(it->second.reader);
  if (!it->second.writer) registered_.erase(it);
  return old;
}

Ref<Handle> SimNet::clear_writer(int fd) {
  auto it = registered_.find(fd);
  if (it == registered_.end()) return {};
  Ref<Handle> old = std::move(it->second.writer);
  if (!it->second.reader) registered_.erase(it);
  return old;
}

bool SimNet::has_events(const EventLoop* loop) const {
  for (const auto& [fd, r] : registered_) {
    if (r.loop != loop) continue;
    Socket* s = find(fd);
    unsigned want = (r.reader ? kRead : 0) | (r.writer ? kWrite : 0);
    if (s && (events(*s) & want)) return true;
  }
  return false;
}

void SimNet::poll(EventLoop& loop) {
  arrive(now());
  std::vector<std::tuple<uint64_t, int, unsigned>> ready;
  for (const auto& [fd, r] : registered_) {
    if (r.loop != &loop) continue;
    Socket* s = find(fd);
    unsigned want = (r.reader ? kRead : 0) | (r.writer ? kWrite : 0);
    unsigned mask = s ? events(*s) & want : 0;
    if (mask) ready.emplace_back(s->since, fd, mask);
  }
  std::sort(ready.begin(), ready.end());
  for (const auto& [since, fd, mask] : ready) {
    Socket* s = find(fd);
    s->connecting = false;
    mark_ready(*s);  // level-triggered: still ready, queued again
  }
  for (const auto& [since, fd, mask] : ready) {
    auto it = registered_.find(fd);
    if (it == registered_.end()) continue;
    // Copies: appending a handle runs no code, but keep them alive anyway.
    Ref<Handle> reader = it->second.reader, writer = it->second.writer;
    if ((mask & kRead) && reader) loop.add_callback(reader);
    if ((mask & kWrite) && writer) loop.add_callback(writer);
  }
}

void SimNet::release(const EventLoop* loop) {
  std::vector<Registration> dropped;  // freed after the table is consistent
  for (auto it = registered_.begin(); it != registered_.end();) {
    if (it->second.loop == loop) {
      dropped.push_back(std::move(it->second));
      it = registered_.erase(it);
    } else {
      ++it;
    }
  }
}

}  // namespace loopscope
