#pragma once
// Remote hosts, links and virtual web sites (docs/SIMULATED_WORLD.md,
// Network); tests/conformance/sim_sites.py is the oracle's copy of the same
// rules. A site is part of the world, not of the program: it answers the
// bytes it receives at their arrival time, at once (its answers are computed
// when the program sends them, and travel back over the link as events).

#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace loopscope {

// Something the remote side sends toward the program's socket.
struct SimSiteEvent {
  enum class Kind { Connected, Refused, Data, Eof, Reset, Room };
  double when = 0;
  Kind kind = Kind::Data;
  std::string data;
};

class SimSites {
 public:
  static constexpr size_t kSendBuffer = 65536;  // a remote connection's send buffer
  static constexpr const char* kOwnAddress = "10.0.0.1";

  struct Route {
    std::string method;  // "" for any method
    std::string path;
    int status = 200;
    std::string body, content_type;
    double delay = 0;
    int64_t reset_after = -1;  // -1: no reset
  };
  // One direction of a connection.
  struct Link {
    double latency = 0, bandwidth = 0;  // bandwidth 0: unlimited
    double free_at = 0, last = 0;
    std::deque<std::pair<double, size_t>> segments;  // (tx end, size) in the send buffer
    size_t queued(double t);
  };
  struct Conn;

  SimSites();
  ~SimSites();
  SimSites(const SimSites&) = delete;
  SimSites& operator=(const SimSites&) = delete;

  void network(double latency, double bandwidth, double jitter, uint64_t seed);
  void site(const std::string& name, int64_t port, std::optional<double> latency, std::optional<double> bandwidth,
            std::vector<Route> routes);
  // The address of a remote name (assigned at first mention).
  std::string host_ip(const std::string& name);
  // A connection from the program at time t: its id, or -1 when nothing
  // will come back (refused, or a host that never answers); `out` gets the
  // outcome.
  int64_t connect(const std::string& ip, int64_t port, double t, std::vector<SimSiteEvent>& out);
  // Bytes the program sends at time t: how many the send buffer takes (0:
  // full); the site's answers go to `out`.
  size_t send(int64_t conn, const std::string& data, double t, std::vector<SimSiteEvent>& out);
  void send_eof(int64_t conn, double t, std::vector<SimSiteEvent>& out);
  // Whether the connection's send buffer has room at time t.
  bool has_room(int64_t conn, double t);
  // A blocking client's whole exchange from time t (loopscope.blocking_exchange):
  // connect, send `data` at once, take every answer.
  struct Exchange {
    std::string reply;
    std::optional<double> seconds;  // none: nobody ever answers
    std::string outcome;            // open, closed, reset, refused, silent
  };
  Exchange exchange(const std::string& ip, int64_t port, const std::string& data, double t);

 private:
  struct Host;
  double carry(Link& l, double t, size_t size);
  double next_float();
  void receive(Conn& c, const std::string& data, double t, std::vector<SimSiteEvent>& out);
  void answer(Conn& c, double t, const Route& r, bool close, bool head_only, std::vector<SimSiteEvent>& out);
  Route route(const Conn& c, const std::string& method, const std::string& target, size_t body_size) const;

  std::map<std::string, std::unique_ptr<Host>> names_;
  std::map<std::string, Host*> by_ip_;
  std::map<int64_t, std::unique_ptr<Conn>> conns_;
  int64_t next_conn_ = 0;
  double latency_ = 0.05, bandwidth_ = 0, jitter_ = 0;
  uint64_t rng_ = 0;
};

}  // namespace loopscope
