// Remote hosts and virtual web sites (docs/SIMULATED_WORLD.md, Network):
// link timing, HTTP answers, the default site, resets, the send buffer and
// jitter. The loop's side is covered by the world_* corpus cases.
#include <gtest/gtest.h>

#include "engine/world/sim_sites.hpp"

namespace loopscope {
namespace {

using Kind = SimSiteEvent::Kind;

SimSites::Route route(std::string path, int status, std::string body, double delay = 0, int64_t reset = -1) {
  SimSites::Route r;
  r.path = std::move(path);
  r.status = status;
  r.body = std::move(body);
  r.content_type = "text/plain; charset=utf-8";
  r.delay = delay;
  r.reset_after = reset;
  return r;
}

TEST(SimSites, ConnectTakesOneRoundTripAndUnservedPortsRefuse) {
  SimSites w;
  w.site("api.test", 80, 0.1, std::nullopt, {});
  std::vector<SimSiteEvent> out;
  int64_t c = w.connect(w.host_ip("api.test"), 80, 1.0, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_GE(c, 0);
  EXPECT_EQ(out[0].kind, Kind::Connected);
  EXPECT_DOUBLE_EQ(out[0].when, 1.2);
  out.clear();
  EXPECT_EQ(w.connect(w.host_ip("api.test"), 81, 1.0, out), -1);
  EXPECT_EQ(out[0].kind, Kind::Refused);
  out.clear();
  EXPECT_EQ(w.connect("10.9.9.9", 80, 1.0, out), -1);  // never answers
  EXPECT_TRUE(out.empty());
}

TEST(SimSites, DefinedRouteAnswersAfterItsDelayAndLatency) {
  SimSites w;
  w.site("api.test", 80, 0.1, std::nullopt, {route("/x", 200, "hello", 0.5)});
  std::vector<SimSiteEvent> out;
  int64_t c = w.connect(w.host_ip("api.test"), 80, 0.0, out);
  out.clear();
  std::string req = "GET /x?y=1 HTTP/1.1\r\nHost: api.test\r\n";
  EXPECT_EQ(w.send(c, req, 0.2, out), req.size());
  EXPECT_TRUE(out.empty());  // the request is not complete yet
  w.send(c, "\r\n", 0.2, out);
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, Kind::Data);
  EXPECT_DOUBLE_EQ(out[0].when, 0.2 + 0.1 + 0.5 + 0.1);
  EXPECT_EQ(out[0].data,
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 5\r\n\r\nhello");
  out.clear();
  w.send(c, "GET /nope HTTP/1.1\r\nConnection: close\r\n\r\n", 0.3, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].data.substr(0, 22), "HTTP/1.1 404 Not Found");
  EXPECT_NE(out[0].data.find("Connection: close\r\n"), std::string::npos);
  EXPECT_EQ(out[1].kind, Kind::Eof);
  EXPECT_DOUBLE_EQ(out[0].when, 0.9);  // not before the first answer (keep-alive order)
}

TEST(SimSites, DefaultSiteIsHttpbinLike) {
  SimSites w;
  std::vector<SimSiteEvent> out;
  int64_t c = w.connect(w.host_ip("example.com"), 443, 0.0, out);
  ASSERT_EQ(out[0].kind, Kind::Connected);
  out.clear();
  w.send(c, "GET /status/418 HTTP/1.1\r\n\r\nGET /get HTTP/1.1\r\n\r\nGET /zz HTTP/1.1\r\n\r\n", 0.0, out);
  ASSERT_EQ(out.size(), 3u);
  EXPECT_EQ(out[0].data.substr(0, 30), "HTTP/1.1 418 I'm a Teapot\r\nCon");
  EXPECT_NE(out[1].data.find(R"({"method": "GET", "url": "http://example.com/get", "length": 0})"), std::string::npos);
  EXPECT_EQ(out[2].data.substr(0, 22), "HTTP/1.1 404 Not Found");
  out.clear();
  w.send(c, "HEAD /json HTTP/1.1\r\n\r\n", 0.0, out);
  EXPECT_EQ(out[0].data, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 58\r\n\r\n");
  out.clear();
  w.send(c, "nonsense\r\n\r\n", 0.0, out);
  EXPECT_EQ(out[0].data.substr(0, 24), "HTTP/1.1 400 Bad Request");
}

TEST(SimSites, ResetAfterSomeBytes) {
  SimSites w;
  w.site("r.test", 80, 0.0, std::nullopt, {route("/", 200, "abcdef", 0, 9)});
  std::vector<SimSiteEvent> out;
  int64_t c = w.connect(w.host_ip("r.test"), 80, 0.0, out);
  out.clear();
  w.send(c, "GET / HTTP/1.1\r\n\r\n", 0.0, out);
  ASSERT_EQ(out.size(), 2u);
  EXPECT_EQ(out[0].data, "HTTP/1.1 ");
  EXPECT_EQ(out[1].kind, Kind::Reset);
}

TEST(SimSites, BandwidthFillsTheSendBuffer) {
  SimSites w;
  w.site("up.test", 80, 0.0, 1000.0, {});
  std::vector<SimSiteEvent> out;
  int64_t c = w.connect(w.host_ip("up.test"), 80, 0.0, out);
  out.clear();
  std::string big(100000, 'x');
  EXPECT_EQ(w.send(c, big, 0.0, out), SimSites::kSendBuffer);
  EXPECT_FALSE(w.has_room(c, 0.0));
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].kind, Kind::Room);
  EXPECT_DOUBLE_EQ(out[0].when, 65.536);  // 65536 bytes at 1000 bytes/s
  EXPECT_EQ(w.send(c, "y", 1.0, out), 0u);  // EAGAIN
  EXPECT_TRUE(w.has_room(c, 65.536));
}

TEST(SimSites, JitterIsDeterministicFromTheSeed) {
  auto times = [](uint64_t seed) {
    SimSites w;
    w.network(0.05, 0, 0.02, seed);
    std::vector<SimSiteEvent> out;
    for (int i = 0; i < 3; ++i) w.connect(w.host_ip("example.com"), 80, 0.0, out);
    std::vector<double> t;
    for (const auto& e : out) t.push_back(e.when);
    return t;
  };
  EXPECT_EQ(times(7), times(7));
  EXPECT_NE(times(7), times(8));
  for (double t : times(7)) {
    EXPECT_GE(t, 0.1);
    EXPECT_LT(t, 0.14);
  }
}

}  // namespace
}  // namespace loopscope

namespace loopscope {
namespace {

TEST(SimSites, BlockingExchangeTakesTheWholeAnswer) {
  SimSites w;
  w.site("b.test", 80, 0.1, std::nullopt, {route("/", 200, "hi", 0.5)});
  SimSites::Exchange x = w.exchange(w.host_ip("b.test"), 80, "GET / HTTP/1.1\r\nConnection: close\r\n\r\n", 2.0);
  EXPECT_EQ(x.outcome, "closed");
  ASSERT_TRUE(x.seconds.has_value());
  EXPECT_DOUBLE_EQ(*x.seconds, 0.2 + 0.1 + 0.5 + 0.1);  // connect, request, delay, answer
  EXPECT_EQ(x.reply.substr(x.reply.size() - 2), "hi");
  EXPECT_EQ(w.exchange(w.host_ip("b.test"), 81, "", 0.0).outcome, "refused");
  SimSites::Exchange silent = w.exchange("10.200.0.1", 80, "", 0.0);
  EXPECT_EQ(silent.outcome, "silent");
  EXPECT_FALSE(silent.seconds.has_value());
}

}  // namespace
}  // namespace loopscope
