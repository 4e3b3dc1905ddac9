# asyncio's loop classes and the rest of its public names: isinstance of
# the running loop, handles, the event loop policy, transports and the
# protocol base classes.
import asyncio


class Echo(asyncio.DatagramProtocol):
    def datagram_received(self, data, addr):
        pass


class Buf(asyncio.BufferedProtocol):
    pass


async def main(loop_type: asyncio.AbstractEventLoop = None) -> None:
    loop = asyncio.get_running_loop()
    print(isinstance(loop, asyncio.AbstractEventLoop), isinstance(loop, asyncio.BaseEventLoop))
    print(isinstance(loop, asyncio.SelectorEventLoop), type(loop))
    h = loop.call_soon(print, "soon")
    th = loop.call_later(1, print)
    print(isinstance(h, asyncio.Handle), isinstance(th, asyncio.TimerHandle), isinstance(th, asyncio.Handle))
    th.cancel()
    async with asyncio.timeout(1) as cm:
        print(isinstance(cm, asyncio.Timeout))
    policy = asyncio.get_event_loop_policy()
    print(isinstance(policy, asyncio.AbstractEventLoopPolicy), isinstance(policy, asyncio.DefaultEventLoopPolicy))
    print(issubclass(asyncio.Transport, asyncio.ReadTransport), issubclass(Echo, asyncio.BaseProtocol))
    t = asyncio.Transport({"peername": ("127.0.0.1", 1)})
    print(t.get_extra_info("peername"), t.get_extra_info("x", 0))
    try:
        asyncio.set_event_loop_policy(object())
    except TypeError as e:
        print(e)

asyncio.run(main())
asyncio.set_event_loop_policy(None)
print(issubclass(asyncio.SendfileNotAvailableError, RuntimeError))
# expect: True True
# expect: True <class 'asyncio.unix_events._UnixSelectorEventLoop'>
# expect: True True True
# expect: True
# expect: True True
# expect: True True
# expect: ('127.0.0.1', 1) 0
# expect: policy must be an instance of AbstractEventLoopPolicy or None, not 'object'
# expect: soon
# expect: True
