"""Two helpers a Python API lab may import instead of a framework: `from asgi_json import read_json, send_json`.

They are the whole of what they look like; the raw ASGI calls work just as well and the tests grade behaviour only.
"""

import json


async def read_body(receive):
    """The request body as bytes, however many http.request messages it came in."""
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


async def read_json(receive):
    """The request body parsed as JSON; raises ValueError (json.JSONDecodeError) when it is not JSON."""
    return json.loads(await read_body(receive) or b"null")


async def send_json(send, status, body, headers=()):
    """Answers `body` as JSON with `status`; `headers` are (name, value) pairs of str, sent after Content-Type."""
    payload = json.dumps(body, default=str).encode()
    names = {name.lower() for name, _ in headers}
    start = [] if "content-type" in names else [(b"content-type", b"application/json")]
    start += [(name.lower().encode("latin-1"), str(value).encode("latin-1")) for name, value in headers]
    await send({"type": "http.response.start", "status": status, "headers": start})
    await send({"type": "http.response.body", "body": payload})
