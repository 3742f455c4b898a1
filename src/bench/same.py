"""Checks that the baseline answers what the framework answers, before anything is timed.

    python3 same.py <server URL> <first id> <last id> <post body>

GET one post (JSON and YAML) and a page of 100 must be the same bytes, and the page the same Link
header, once the baseline's resource_uri (its own path) is read as the framework's; a POST must answer 201 with the same fields
and values (its id and times aside). Exits 1 with the difference otherwise.
"""
import base64
import json
import sys
import urllib.request

server, first, last, body = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
FRAMEWORK, BASELINE = "/api/posts", "/bench/baseline/posts"
AUTH = "Basic " + base64.b64encode(b"testuser:foobar").decode()


def fetch(path, accept="application/json", data=None):
    request = urllib.request.Request(server + path, data=data, headers={"Accept": accept})
    if data is not None:
        request.add_header("Content-Type", "application/json")
        request.add_header("Authorization", AUTH)
    with urllib.request.urlopen(request) as response:
        return response.status, response.read().decode("utf-8"), response.headers.get("Link")


def same(what, path, accept="application/json"):
    status, framework, link = fetch(FRAMEWORK + path, accept)
    base_status, baseline, base_link = fetch(BASELINE + path, accept)
    baseline = baseline.replace(server + BASELINE + "/", server + FRAMEWORK + "/")
    base_link = base_link and base_link.replace(server + BASELINE, server + FRAMEWORK)
    if (status, framework, link) != (base_status, baseline, base_link):
        sys.exit(f"{what}: the framework answered {status} {link}\n{framework[:600]}\n"
                 f"the baseline {base_status} {base_link}\n{baseline[:600]}")
    print(f"  same answer: {what} ({len(framework)} bytes)")


same("GET one post as JSON", f"/{first}")
same("GET one post as YAML", f"/{last}", "application/yaml")
same("GET a page of 100 as JSON", "?limit=100")
created = []
for path in (FRAMEWORK, BASELINE):
    status, text, _ = fetch(path, data=body.encode())
    if status != 201:
        sys.exit(f"POST {path}: {status} {text}")
    created.append(json.loads(text))
keys = [list(post) for post in created]
values = [{k: v for k, v in post.items() if k not in ("id", "created_on", "resource_uri")} for post in created]
if keys[0] != keys[1] or values[0] != values[1]:
    sys.exit(f"POST: the framework answered {created[0]}, the baseline {created[1]}")
print(f"  same answer: POST with Basic authentication (fields {', '.join(keys[0])})")
