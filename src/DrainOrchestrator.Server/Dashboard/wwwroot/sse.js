// Follows a Server-Sent Events stream of the API. EventSource cannot listen to every event name at once (the journal
// kind is the event name), so this reads the stream with fetch, and on a dropped connection resumes after the last id
// it saw, as EventSource would.

function parse(block) {
  const event = { id: null, kind: 'message', data: '' };
  for (const line of block.split('\n')) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') event.id = value;
    else if (field === 'event') event.kind = value;
    else if (field === 'data') event.data += value;
  }
  return event;
}

/**
 * Calls onEvent({ id, kind, data }) for every event of the stream at path, reconnecting after errors, and
 * onState('live' | 'reconnecting') as the connection comes and goes. Returns a function that stops following.
 */
export function follow(path, onEvent, onState = () => {}) {
  const stop = new AbortController();
  let lastId = null;
  let retry = 2000;

  async function once() {
    const url = lastId === null ? path : path + (path.includes('?') ? '&' : '?') + 'lastEventId=' + encodeURIComponent(lastId);
    const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'text/event-stream' }, signal: stop.signal });
    if (response.status === 401) {
      location.assign('/ui/login.html');
      return;
    }
    if (!response.ok || !response.body) throw new Error('event stream answered ' + response.status);
    onState('live');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value.replace(/\r\n?/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        if (block.startsWith('retry:')) {
          retry = Number(block.slice(6)) || retry;
          continue;
        }
        const event = parse(block);
        if (event.id !== null) lastId = event.id;
        if (event.data) onEvent(event);
      }
    }
  }

  (async () => {
    while (!stop.signal.aborted) {
      try {
        await once();
      } catch {
        // Reconnect below, unless stopped.
      }
      if (stop.signal.aborted) return;
      onState('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, retry));
    }
  })();
  return () => stop.abort();
}

/** Runs action at most once per delay however often it is asked for, and once more after the last ask. */
export function coalesce(action, delay) {
  let timer = null;
  let again = false;
  return () => {
    if (timer) {
      again = true;
      return;
    }
    timer = setTimeout(async function run() {
      again = false;
      try {
        await action();
      } finally {
        timer = again ? setTimeout(run, delay) : null;
      }
    }, delay);
  };
}
