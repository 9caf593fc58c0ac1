/*
 * The /ws protocol client (docs/protocol.md) that the widget and the staff console share. The
 * server writes this file into each of their scripts, where the line "losen-client.js" stands
 * (ClientScript), at start-up: the widget stays one script tag, the console one file, and
 * neither needs more than its own origin in a Content-Security-Policy.
 *
 * One socket at a time. Frames are parsed with a guard: one that is not a JSON object with a
 * type (a proxy's error page, a cut-off frame) is dropped, never thrown into the caller. While
 * open it pings, so proxies that close quiet connections leave it alone. After a drop it
 * reconnects with a growing, jittered delay (many clients dropped by one restart do not all come
 * back in the same second); what to say on each new socket (start, resume with the token, open
 * the inbox) is the caller's `opened`.
 *
 * @param o.url       the socket's address
 * @param o.opened    called on every new open socket
 * @param o.frame     called with each frame from the server
 * @param o.dropped   called when the socket closed by itself; return true to reconnect
 * @param o.firstDelay, o.maxDelay  the first reconnect waits up to firstDelay ms, each next one
 *                    twice as long, at most maxDelay (each a random time in its upper half)
 * @param o.pingEvery ms between pings while open
 */
function losenClient(o) {
  let ws = null;
  let attempts = 0;
  let retryTimer = null;
  let pinger = null;

  /** Opens a socket unless one is open or opening. */
  function dial() {
    if (ws) {
      return;
    }
    clearTimeout(retryTimer);
    let sock;
    try {
      sock = new WebSocket(o.url);
    } catch (e) {
      retry();
      return;
    }
    ws = sock;
    sock.onopen = function () {
      attempts = 0;
      clearInterval(pinger);
      pinger = setInterval(function () { send({ type: 'ping' }); }, o.pingEvery);
      o.opened();
    };
    sock.onmessage = function (ev) {
      const f = parse(ev.data);
      if (f && ws === sock) {
        o.frame(f);
      }
    };
    sock.onclose = function () {
      if (ws !== sock) {
        return;
      }
      ws = null;
      clearInterval(pinger);
      if (o.dropped()) {
        retry();
      }
    };
  }

  function parse(text) {
    try {
      const f = JSON.parse(text);
      return f && typeof f === 'object' && typeof f.type === 'string' ? f : null;
    } catch (e) {
      return null;
    }
  }

  function retry() {
    clearTimeout(retryTimer);
    const delay = Math.min(o.maxDelay, o.firstDelay * Math.pow(2, attempts));
    attempts += 1;
    retryTimer = setTimeout(dial, delay / 2 + Math.random() * delay / 2);
  }

  /** Sends a frame if the socket is open; false if it is not (nothing is queued). */
  function send(frame) {
    if (!ws || ws.readyState !== 1) {
      return false;
    }
    ws.send(JSON.stringify(frame));
    return true;
  }

  /**
   * Lets go of the socket: its frames and its close are no longer reported, nothing reconnects
   * or pings. Returns it (or null), still open, for a caller that must see a last frame leave.
   */
  function detach() {
    const sock = ws;
    ws = null;
    clearTimeout(retryTimer);
    clearInterval(pinger);
    return sock;
  }

  return {
    connect: dial,
    /** Connects now, and the next drop waits the first delay again (the person asked, or the network is back). */
    reconnectNow: function () {
      attempts = 0;
      dial();
    },
    send: send,
    /** Whether a socket is open or opening. */
    connected: function () {
      return !!ws;
    },
    isOpen: function () {
      return !!ws && ws.readyState === 1;
    },
    detach: detach,
    /** Detaches and closes the socket after `delay` ms (a frame just sent gets that long to leave). */
    close: function (delay) {
      const sock = detach();
      if (sock) {
        setTimeout(function () { sock.close(); }, delay || 0);
      }
    }
  };
}
