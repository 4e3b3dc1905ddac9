// The simulated network's sockets (docs/SIMULATED_WORLD.md, Network):
// descriptors, listening and connecting, data and EOF, refusal. The poll's
// side (readiness order, handles) is covered by the net_* corpus cases.
#include <gtest/gtest.h>

#include "engine/world/sim_net.hpp"

namespace loopscope {
namespace {

TEST(SimNet, DescriptorsAreTheLowestFreeFromSix) {
  SimNet net;
  int a = net.open_socket();
  int b = net.open_socket();
  EXPECT_EQ(a, 6);
  EXPECT_EQ(b, 7);
  net.close(a);
  EXPECT_EQ(net.open_socket(), 6);
}

TEST(SimNet, LocalNamesAreThisMachineOthersRemoteHosts) {
  SimNet net;
  EXPECT_EQ(net.host_ip(std::nullopt), "127.0.0.1");
  EXPECT_EQ(net.host_ip(std::string("localhost")), "127.0.0.1");
  EXPECT_EQ(net.host_ip(std::string("")), "127.0.0.1");
  EXPECT_EQ(net.host_ip(std::string("10.1.2.3")), "10.1.2.3");
  // Remote names: 10.0.0.2, 10.0.0.3, ... in order of first mention.
  EXPECT_EQ(net.host_ip(std::string("example.com")), "10.0.0.2");
  EXPECT_EQ(net.host_ip(std::string("api.example.com")), "10.0.0.3");
  EXPECT_EQ(net.host_ip(std::string("example.com")), "10.0.0.2");
  EXPECT_EQ(net.host_ip(std::string("1.2.3")), "10.0.0.4");  // not an IPv4 literal
}

TEST(SimNet, ConnectAcceptSendRecvAndEof) {
  SimNet net;
  int listener = net.open_socket();
  ASSERT_TRUE(net.bind(listener, {"localhost", 8888}));
  net.listen(listener);
  int client = net.open_socket();
  net.connect(client, {"127.0.0.1", 8888});
  EXPECT_EQ(net.take_error(client), 0);
  EXPECT_EQ(net.sockname(client)->second, SimNet::kFirstEphemeralPort);
  auto accepted = net.accept(listener);
  ASSERT_TRUE(accepted.has_value());
  EXPECT_FALSE(net.accept(listener).has_value());
  int server = accepted->first;
  EXPECT_EQ(accepted->second, (SimNet::Address{"127.0.0.1", SimNet::kFirstEphemeralPort}));
  EXPECT_EQ(*net.peername(client), (SimNet::Address{"127.0.0.1", 8888}));

  EXPECT_FALSE(net.recv(server, 10).has_value());  // would block
  EXPECT_EQ(net.send(client, "hello"), 5u);
  EXPECT_EQ(*net.recv(server, 3), "hel");
  EXPECT_EQ(*net.recv(server, 10), "lo");
  net.send(client, "bye");
  net.close(client);
  EXPECT_EQ(*net.recv(server, 10), "bye");  // bytes before EOF
  EXPECT_EQ(*net.recv(server, 10), "");      // then EOF
  EXPECT_EQ(net.send(server, "dropped"), 7u);  // to a closed peer: dropped
}

TEST(SimNet, NoListenerRefusesAndSecondBindFails) {
  SimNet net;
  int client = net.open_socket();
  net.connect(client, {"127.0.0.1", 9});
  EXPECT_EQ(net.take_error(client), 111);
  EXPECT_EQ(net.take_error(client), 0);  // SO_ERROR is cleared once read
  int a = net.open_socket();
  int b = net.open_socket();
  ASSERT_TRUE(net.bind(a, {"127.0.0.1", 80}));
  net.listen(a);
  EXPECT_FALSE(net.bind(b, {"0.0.0.0", 80}));
  net.close(a);
  EXPECT_TRUE(net.bind(b, {"127.0.0.1", 80}));
}

TEST(SimNet, ClosingAListenerClosesWhatItHadNotAccepted) {
  SimNet net;
  int listener = net.open_socket();
  ASSERT_TRUE(net.bind(listener, {"127.0.0.1", 7000}));
  net.listen(listener);
  int client = net.open_socket();
  net.connect(client, {"127.0.0.1", 7000});
  net.close(listener);
  EXPECT_EQ(*net.recv(client, 10), "");  // EOF
  int late = net.open_socket();
  net.connect(late, {"127.0.0.1", 7000});
  EXPECT_EQ(net.take_error(late), 111);
}

}  // namespace
}  // namespace loopscope
