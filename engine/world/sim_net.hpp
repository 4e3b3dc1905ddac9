#pragma once
// The network in virtual time (docs/SIMULATED_WORLD.md, Network).
//
// One simulated machine: sockets are records in a table of file
// descriptors; bytes sent land in the peer's buffer at once (latency 0),
// so they are readable at the loop's next poll. The selector part holds
// the reader/writer handles that add_reader/add_writer registered; the
// loop's poll (EventLoop::run_once) asks it which are ready and appends
// them to the ready queue, as _process_events -> _add_callback does.

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "engine/object/ref.hpp"

namespace loopscope {

class EventLoop;
class Handle;
class SimSites;
struct SimSiteEvent;

class SimNet {
 public:
  using Address = std::pair<std::string, int64_t>;
  static constexpr int kFirstFd = 6;                // 0-2 std streams, 3-5 selector and self-pipe
  static constexpr int64_t kFirstEphemeralPort = 50000;

  SimNet();
  ~SimNet();
  SimNet(const SimNet&) = delete;
  SimNet& operator=(const SimNet&) = delete;

  // The address of a name: localhost, 0.0.0.0, '' and None (nullopt) are
  // 127.0.0.1, an IPv4 literal is itself, any other name a remote host
  // (sim_sites.hpp: 10.0.0.2, 10.0.0.3, ... in order of first mention).
  std::string host_ip(const std::optional<std::string>& host);
  // The loop's virtual clock (World::now), read when bytes are sent.
  void set_clock(const double* now) { now_ = now; }
  // Remote hosts, their sites and the network settings.
  SimSites& sites() { return *sites_; }

  int open_socket();
  bool is_open(int fd) const;
  // False when the address already has a listener (EADDRINUSE).
  bool bind(int fd, const Address& address);
  void listen(int fd);
  // The next connection waiting on a listener: (its fd, peer address).
  std::optional<std::pair<int, Address>> accept(int fd);
  // Non-blocking connect (always EINPROGRESS): the connection is made, or
  // refused (SO_ERROR = ECONNREFUSED), at once.
  void connect(int fd, const Address& address);
  int take_error(int fd);  // getsockopt(SOL_SOCKET, SO_ERROR)
  // recv(n): bytes, or nullopt when it would block ("" at EOF).
  std::optional<std::string> recv(int fd, size_t n);
  // How many bytes send() takes (fewer when a remote link's buffer is full).
  size_t send(int fd, const std::string& data);
  // The connection was reset by its peer (recv/send raise ECONNRESET).
  bool is_reset(int fd) const;
  void shutdown_write(int fd);
  void close(int fd);
  std::optional<Address> sockname(int fd) const;
  std::optional<Address> peername(int fd) const;

  // The selector: returns the handle replaced (to be cancelled), if any.
  Ref<Handle> set_reader(EventLoop* loop, int fd, Ref<Handle> h);
  Ref<Handle> set_writer(EventLoop* loop, int fd, Ref<Handle> h);
  // Unregisters; returns the handle that was registered (to be cancelled).
  Ref<Handle> clear_reader(int fd);
  Ref<Handle> clear_writer(int fd);
  // Whether any descriptor registered by `loop` is ready (the poll then
  // does not wait).
  bool has_events(const EventLoop* loop) const;
  // When bytes (or a connect's outcome, or room in a send buffer) in flight
  // next make a descriptor registered by `loop` ready: the poll's wake-up.
  std::optional<double> next_wake(const EventLoop* loop) const;
  // The poll: appends the ready handles of `loop`'s descriptors in the
  // order in which they became ready.
  void poll(EventLoop& loop);
  // Drops `loop`'s registrations (EventLoop::release at teardown), so that
  // what their handles own is freed while the loop and the runtime exist.
  void release(const EventLoop* loop);

 private:
  struct Socket;
  struct Arrival;
  struct Registration {
    EventLoop* loop = nullptr;
    Ref<Handle> reader, writer;
  };
  Socket* find(int fd) const;
  void mark_ready(Socket& s);
  unsigned events(const Socket& s) const;
  void give_eof(Socket& s);
  double now() const { return now_ ? *now_ : 0.0; }
  void connect_remote(Socket& s, const Address& to);
  void send_remote(Socket& s, const std::string& data);
  void schedule(const SimSiteEvent& e, int fd, uint64_t uid);
  void arrive(double now);  // applies what has arrived by `now`
  bool wakes(const Arrival& a, const EventLoop* loop) const;

  std::map<int, std::unique_ptr<Socket>> sockets_;
  std::map<Address, int> listeners_;
  std::map<int, Registration> registered_;
  std::vector<Arrival> in_flight_;  // a heap by (time, order)
  std::unique_ptr<SimSites> sites_;
  const double* now_ = nullptr;
  int64_t next_port_ = kFirstEphemeralPort;
  uint64_t seq_ = 0;
  uint64_t next_uid_ = 1;       // sockets' identities (descriptors are reused)
  uint64_t next_arrival_ = 0;   // order of arrivals with equal times
};

}  // namespace loopscope
