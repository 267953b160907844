"""A local BigBlueButton for tests: the API calls ChildHub uses, in memory, with every checksum verified.

It listens on 127.0.0.1 (a free port) and checks each call the way bbb-web does: the checksum is taken
out of the raw query string, its length names the hash (sha1/256/384/512, if allowed), and it must equal
``hash(call + rest of the query + secret)``; otherwise the answer is FAILED ``checksumError``. Each call
is recorded in ``calls``. ``create`` is idempotent as on a real server, ``join`` redirects (302) to a fake
client URL, and ``end`` notes the callback URLs BigBlueButton would now call.

Simplifications: a meeting counts as running from its first join (a real one, once the client
connects), ended meetings are forgotten at once, and recordings exist only when a test adds them.

    with FakeBigBlueButton() as server:
        bbb = server.client()

    bbb_server = bbb_server_fixture()  # in a test module or conftest: a pytest fixture
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import socket
import threading
import time
import urllib.parse
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from xml.etree import ElementTree

from childhub.webinars.bbb import Algorithm, BigBlueButton

CHECKSUM_LENGTHS = {40: "sha1", 64: "sha256", 96: "sha384", 128: "sha512"}
ALL_ALGORITHMS: tuple[str, ...] = ("sha1", "sha256", "sha384", "sha512")


@dataclass(frozen=True)
class Call:
    """One API call as the server saw it."""

    name: str
    params: dict[str, str]  # decoded, first value of each, without the checksum
    checksum_ok: bool
    algorithm: str | None  # the hash the checksum's length named
    query: str  # raw, as sent


@dataclass
class FakeMeeting:
    meeting_id: str
    name: str
    internal_meeting_id: str
    create_time: int
    attendee_pw: str
    moderator_pw: str
    params: dict[str, str]
    metadata: dict[str, str]
    attendees: list[dict[str, str]] = field(default_factory=list)
    running: bool = False


@dataclass
class FakeRecording:
    record_id: str
    meeting_id: str
    internal_meeting_id: str
    name: str
    published: bool
    start_time: int
    end_time: int
    participants: int = 0
    metadata: dict[str, str] = field(default_factory=dict)
    formats: list[tuple[str, str, int]] = field(default_factory=list)  # type, url, length in minutes


@dataclass(frozen=True)
class Callback:
    """A callback BigBlueButton would send: where, with which headers and body."""

    url: str
    headers: dict[str, str]
    body: bytes


class FakeBigBlueButton:
    def __init__(
        self,
        secret: str = "fake-bbb-shared-secret",
        *,
        algorithms: Sequence[str] = ALL_ALGORITHMS,
        client_url: str = "https://bbb.invalid/html5client/join",
    ) -> None:
        self.secret = secret
        self.algorithms = tuple(algorithms)
        self.client_url = client_url
        self.calls: list[Call] = []
        self.meetings: dict[str, FakeMeeting] = {}
        self.created: dict[str, FakeMeeting] = {}  # every meeting ever created, by id, kept after its end
        self.recordings: dict[str, FakeRecording] = {}
        self.ended_callbacks: list[str] = []  # the GETs BigBlueButton would have sent on end
        self.lock = threading.RLock()
        self._raw: tuple[int, str, bytes] | None = None
        self._httpd: _Server | None = None
        self._thread: threading.Thread | None = None
        self._last_create_time = 0

    # Life cycle

    def start(self) -> FakeBigBlueButton:
        httpd = _Server(("127.0.0.1", 0), _Handler)
        httpd.fake = self
        self._httpd = httpd
        self._thread = threading.Thread(
            target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, name="fake-bigbluebutton", daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
        if self._thread is not None:
            self._thread.join()
        self._httpd = self._thread = None

    def __enter__(self) -> FakeBigBlueButton:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._httpd is None:
            raise RuntimeError("The fake BigBlueButton is not started.")
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        """The base URL to give the client."""
        return f"http://127.0.0.1:{self.port}/bigbluebutton"

    def client(
        self, *, secret: str | None = None, algorithm: Algorithm = "sha256", timeout: float = 5
    ) -> BigBlueButton:
        return BigBlueButton(self.url, secret or self.secret, algorithm=algorithm, timeout=timeout)

    # For assertions and set-up

    def calls_to(self, name: str) -> list[Call]:
        with self.lock:
            return [call for call in self.calls if call.name == name]

    def add_recording(
        self,
        meeting_id: str,
        *,
        name: str = "Recorded webinar",
        published: bool = True,
        participants: int = 0,
        metadata: dict[str, str] | None = None,
        minutes: int = 60,
    ) -> str:
        with self.lock:
            start = self._next_create_time()
            internal = _internal_id(meeting_id, start)
            self.recordings[internal] = FakeRecording(
                record_id=internal,
                meeting_id=meeting_id,
                internal_meeting_id=internal,
                name=name,
                published=published,
                start_time=start,
                end_time=start + minutes * 60_000,
                participants=participants,
                metadata=dict(metadata or {}),
                formats=[
                    ("presentation", f"https://bbb.invalid/playback/presentation/2.3/{internal}", minutes)
                ],
            )
            return internal

    @contextmanager
    def answering(self, body: bytes, *, status: int = 200, content_type: str = "text/html") -> Iterator[None]:
        """Answer every request with this instead (a proxy's error page, a hostile document…)."""
        self._raw = (status, content_type, body)
        try:
            yield
        finally:
            self._raw = None

    def analytics_callback(
        self,
        meeting_id: str,
        *,
        expires_in: int = 24 * 3600,
        algorithm: str = "HS512",
        secret: str | None = None,
        presence: dict[str, list[tuple[str, str]]] | None = None,
        finish: str | None = None,
    ) -> Callback:
        """What BigBlueButton posts to the meeting's analytics callback URL once it has ended.

        Each attendee joined at the meeting's creation and stayed, unless ``presence`` gives their
        (join, leave) ISO times by user id; ``finish`` is when the meeting ended."""
        presence = presence or {}
        with self.lock:
            meeting = self.created[meeting_id]
            url = meeting.metadata.get("analytics-callback-url", "")
            start = _iso(meeting.create_time)
            attendees = [
                {
                    "ext_user_id": attendee["userID"],
                    "name": attendee["fullName"],
                    "moderator": attendee["role"] == "MODERATOR",
                    "joins": [j for j, _ in presence[attendee["userID"]]]
                    if attendee["userID"] in presence
                    else [start],
                    "leaves": [le for _, le in presence.get(attendee["userID"], [])],
                    "duration": 0,
                    "engagement": {"chats": 0, "talks": 0, "raisehand": 0, "emojis": 0, "poll_votes": 0},
                }
                for attendee in meeting.attendees
            ]
            payload = {
                "version": "1.0",
                "meeting_id": meeting.meeting_id,
                "internal_meeting_id": meeting.internal_meeting_id,
                "data": {
                    "metadata": {"meeting_name": meeting.name},
                    "start": start,
                    **({"finish": finish} if finish else {}),
                    "attendees": attendees,
                },
            }
        token = encode_jwt({"exp": int(time.time()) + expires_in}, secret or self.secret, algorithm)
        return Callback(
            url=url,
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"},
            body=json.dumps(payload).encode(),
        )

    def recording_ready_callback(self, record_id: str) -> Callback:
        """What BigBlueButton posts (a form) to the recording-ready URL once a recording is published."""
        with self.lock:
            recording = self.recordings[record_id]
            meeting = self.created.get(recording.meeting_id)
            url = meeting.metadata.get("bbb-recording-ready-url", "") if meeting else ""
        token = encode_jwt({"meeting_id": recording.meeting_id, "record_id": record_id}, self.secret, "HS256")
        body = urllib.parse.urlencode({"signed_parameters": token}).encode()
        return Callback(url=url, headers={"Content-Type": "application/x-www-form-urlencoded"}, body=body)

    # The API

    def handle(self, path: str) -> tuple[int, dict[str, str], bytes]:
        if self._raw is not None:
            status, content_type, body = self._raw
            return status, {"Content-Type": content_type}, body
        parts = urllib.parse.urlsplit(path)
        if parts.path.rstrip("/") == "/bigbluebutton/api":
            return _xml(_response("SUCCESS", version="2.0"))
        prefix = "/bigbluebutton/api/"
        if not parts.path.startswith(prefix):
            return 404, {"Content-Type": "text/html"}, b"<html><body>Not found</body></html>"
        name = parts.path[len(prefix) :]
        ok, algorithm, params = self.verify(name, parts.query)
        with self.lock:
            self.calls.append(Call(name, params, ok, algorithm, parts.query))
            if not ok:
                return _xml(_failed("checksumError", "Checksums do not match"))
            method = getattr(self, f"_api_{name}", None)
            if method is None:
                return _xml(_failed("unsupportedRequest", "This request is not supported."))
            answer: tuple[int, dict[str, str], bytes] | ElementTree.Element = method(params)
            return answer if isinstance(answer, tuple) else _xml(answer)

    def verify(self, call: str, raw_query: str) -> tuple[bool, str | None, dict[str, str]]:
        """Check a call's checksum as bbb-web does, on the raw query string."""
        params: dict[str, str] = {}
        for key, value in urllib.parse.parse_qsl(raw_query, keep_blank_values=True):
            params.setdefault(key, value)  # a servlet's getParameter: the first value
        checksum = params.pop("checksum", "")
        if not checksum:
            return False, None, params
        rest = raw_query.replace(f"&checksum={checksum}", "")
        rest = rest.replace(f"checksum={checksum}&", "").replace(f"checksum={checksum}", "")
        algorithm = CHECKSUM_LENGTHS.get(len(checksum))
        if algorithm is None or algorithm not in self.algorithms:
            return False, algorithm, params
        expected = hashlib.new(algorithm, (call + rest + self.secret).encode("utf-8")).hexdigest()
        return hmac.compare_digest(expected, checksum.lower()), algorithm, params

    def _api_create(self, params: dict[str, str]) -> ElementTree.Element:
        meeting_id = params.get("meetingID", "").strip()
        if not meeting_id:
            return _failed("missingParamMeetingID", "You must specify a meeting ID for the meeting.")
        if not params.get("name", "").strip():
            return _failed("missingParamName", "You must specify a name for the meeting.")
        attendee_pw = params.get("attendeePW") or secrets.token_hex(4)
        moderator_pw = params.get("moderatorPW") or secrets.token_hex(4)
        existing = self.meetings.get(meeting_id)
        if existing is not None:
            if (existing.attendee_pw, existing.moderator_pw) != (attendee_pw, moderator_pw):
                return _failed("idNotUnique", "A meeting already exists with that meeting ID.")
            return _meeting_created(
                existing,
                "duplicateWarning",
                "This conference was already in existence and may currently be in progress.",
            )
        create_time = self._next_create_time()
        meeting = FakeMeeting(
            meeting_id=meeting_id,
            name=params["name"],
            internal_meeting_id=_internal_id(meeting_id, create_time),
            create_time=create_time,
            attendee_pw=attendee_pw,
            moderator_pw=moderator_pw,
            params=dict(params),
            metadata={key[5:].lower(): value for key, value in params.items() if key.startswith("meta_")},
        )
        self.meetings[meeting_id] = self.created[meeting_id] = meeting
        return _meeting_created(meeting)

    def _api_join(self, params: dict[str, str]) -> tuple[int, dict[str, str], bytes] | ElementTree.Element:
        meeting_id = params.get("meetingID", "").strip()
        full_name = params.get("fullName", "").strip()
        if not meeting_id:
            return _failed("missingParamMeetingID", "You must specify a meeting ID for the meeting.")
        if not full_name:
            return _failed("missingParamFullName", "You must specify a name for the attendee.")
        meeting = self.meetings.get(meeting_id)
        if meeting is None:
            return _failed(
                "invalidMeetingIdentifier", "The meeting ID that you supplied did not match any meeting"
            )
        if "createTime" in params and params["createTime"] != str(meeting.create_time):
            return _failed("mismatchCreateTimeParam", "The createTime parameter does not match this meeting.")
        role = params.get("role", "").upper()
        if role not in ("MODERATOR", "VIEWER"):
            role = {meeting.moderator_pw: "MODERATOR", meeting.attendee_pw: "VIEWER"}.get(
                params.get("password", ""), ""
            )
        if not role:
            return _failed(
                "invalidPassword", "The password is neither the attendee nor the moderator password."
            )
        session_token = secrets.token_hex(8)
        user_id = params.get("userID") or f"w_{secrets.token_hex(6)}"
        meeting.attendees.append({**params, "userID": user_id, "fullName": full_name, "role": role})
        meeting.running = True
        client = f"{self.client_url}?sessionToken={session_token}"
        if params.get("redirect", "true").lower() != "false":
            return 302, {"Location": client, "Content-Type": "text/html"}, b""
        return _response(
            "SUCCESS",
            messageKey="successfullyJoined",
            message="You have joined successfully.",
            meeting_id=meeting.internal_meeting_id,
            user_id=user_id,
            auth_token=secrets.token_hex(6),
            session_token=session_token,
            url=client,
        )

    def _api_isMeetingRunning(self, params: dict[str, str]) -> ElementTree.Element:
        meeting = self.meetings.get(params.get("meetingID", ""))
        return _response("SUCCESS", running=_bool(meeting is not None and meeting.running))

    def _api_getMeetingInfo(self, params: dict[str, str]) -> ElementTree.Element:
        meeting = self.meetings.get(params.get("meetingID", ""))
        if meeting is None:
            return _failed("notFound", "A meeting with that ID does not exist")
        root = _response(
            "SUCCESS",
            meetingName=meeting.name,
            meetingID=meeting.meeting_id,
            internalMeetingID=meeting.internal_meeting_id,
            createTime=meeting.create_time,
            attendeePW=meeting.attendee_pw,
            moderatorPW=meeting.moderator_pw,
            running=_bool(meeting.running),
            duration=meeting.params.get("duration", "0"),
            hasUserJoined=_bool(bool(meeting.attendees)),
            recording="false",
            hasBeenForciblyEnded="false",
            participantCount=len(meeting.attendees),
            moderatorCount=sum(attendee["role"] == "MODERATOR" for attendee in meeting.attendees),
        )
        attendees = ElementTree.SubElement(root, "attendees")
        for attendee in meeting.attendees:
            _children(
                ElementTree.SubElement(attendees, "attendee"),
                userID=attendee["userID"],
                fullName=attendee["fullName"],
                role=attendee["role"],
                isPresenter="false",
                isListeningOnly="false",
                hasJoinedVoice="false",
                hasVideo="false",
                clientType="HTML5",
            )
        _children(ElementTree.SubElement(root, "metadata"), **meeting.metadata)
        return root

    def _api_end(self, params: dict[str, str]) -> ElementTree.Element:
        meeting = self.meetings.get(params.get("meetingID", ""))
        if meeting is None:
            return _failed("notFound", "We could not find a meeting with that meeting ID")
        if "password" in params and params["password"] != meeting.moderator_pw:
            return _failed("invalidPassword", "You must supply the moderator password for this call.")
        del self.meetings[meeting.meeting_id]
        if ended_url := meeting.params.get("meetingEndedURL"):
            self.ended_callbacks.append(ended_url)
        if meta_url := meeting.metadata.get("endcallbackurl"):
            extra = urllib.parse.urlencode({"recordingmarks": "false", "meetingID": meeting.meeting_id})
            self.ended_callbacks.append(f"{meta_url}{'&' if '?' in meta_url else '?'}{extra}")
        return _response(
            "SUCCESS", messageKey="sentEndMeetingRequest", message="A request to end the meeting was sent."
        )

    def _api_getRecordings(self, params: dict[str, str]) -> ElementTree.Element:
        meeting_ids = {value for value in params.get("meetingID", "").split(",") if value}
        record_ids = {value for value in params.get("recordID", "").split(",") if value}
        states = {value for value in params.get("state", "published,unpublished").split(",") if value}
        found = [
            recording
            for recording in self.recordings.values()
            if (not meeting_ids or recording.meeting_id in meeting_ids)
            and (not record_ids or recording.record_id in record_ids)
            and ("any" in states or _state(recording) in states)
        ]
        root = _response("SUCCESS")
        listing = ElementTree.SubElement(root, "recordings")
        for recording in found:
            node = ElementTree.SubElement(listing, "recording")
            _children(
                node,
                recordID=recording.record_id,
                meetingID=recording.meeting_id,
                internalMeetingID=recording.internal_meeting_id,
                name=recording.name,
                isBreakout="false",
                published=_bool(recording.published),
                state=_state(recording),
                startTime=recording.start_time,
                endTime=recording.end_time,
                participants=recording.participants,
            )
            _children(ElementTree.SubElement(node, "metadata"), **recording.metadata)
            playback = ElementTree.SubElement(node, "playback")
            for kind, url, length in recording.formats:
                _children(ElementTree.SubElement(playback, "format"), type=kind, url=url, length=length)
        if not found:
            _children(root, messageKey="noRecordings", message="There are no recordings for the meeting(s).")
        return root

    def _api_publishRecordings(self, params: dict[str, str]) -> ElementTree.Element:
        if "publish" not in params:
            return _failed("missingParamPublish", "You must specify publish true or false.")
        found = self._recordings_named(params)
        if not found:
            return _failed("notFound", "We could not find recordings")
        for recording in found:
            recording.published = params["publish"].lower() == "true"
        return _response("SUCCESS", published=params["publish"].lower())

    def _api_deleteRecordings(self, params: dict[str, str]) -> ElementTree.Element:
        found = self._recordings_named(params)
        if not found:
            return _failed("notFound", "We could not find recordings")
        for recording in found:
            del self.recordings[recording.record_id]
        return _response("SUCCESS", deleted="true")

    def _recordings_named(self, params: dict[str, str]) -> list[FakeRecording]:
        ids = [value for value in params.get("recordID", "").split(",") if value]
        return [self.recordings[record_id] for record_id in ids if record_id in self.recordings]

    def _next_create_time(self) -> int:
        self._last_create_time = max(int(time.time() * 1000), self._last_create_time + 1)
        return self._last_create_time


def bbb_server_fixture(**options: Any) -> Any:
    """A pytest fixture giving a started FakeBigBlueButton: ``bbb_server = bbb_server_fixture()``."""
    import pytest

    @pytest.fixture
    def fixture() -> Iterator[FakeBigBlueButton]:
        with FakeBigBlueButton(**options) as server:
            yield server

    return fixture


@contextmanager
def silent_server() -> Iterator[str]:
    """A BigBlueButton URL whose port takes connections (the kernel accepts them) and never answers."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/bigbluebutton"
    finally:
        listener.close()


def closed_port_url() -> str:
    """A BigBlueButton URL on a local port where nothing listens (connections are refused)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/bigbluebutton"


def encode_jwt(claims: dict[str, Any], secret: str, algorithm: str = "HS512") -> str:
    """A compact JWT as BigBlueButton's scripts make them (HS256/384/512; "none" gives no signature)."""

    def part(data: bytes) -> str:
        return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")

    header = part(json.dumps({"alg": algorithm, "typ": "JWT"}).encode())
    payload = part(json.dumps(claims).encode())
    if algorithm == "none":
        return f"{header}.{payload}."
    digest = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}[algorithm]
    signature = hmac.new(secret.encode(), f"{header}.{payload}".encode(), digest).digest()
    return f"{header}.{payload}.{part(signature)}"


# The HTTP side


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    fake: FakeBigBlueButton


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        status, headers, body = self.server.fake.handle(self.path)
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # quiet tests


# XML


def _response(returncode: str, **fields: object) -> ElementTree.Element:
    root = ElementTree.Element("response")
    _children(root, returncode=returncode, **fields)
    return root


def _failed(message_key: str, message: str) -> ElementTree.Element:
    return _response("FAILED", messageKey=message_key, message=message)


def _children(parent: ElementTree.Element, **fields: object) -> ElementTree.Element:
    for tag, value in fields.items():
        ElementTree.SubElement(parent, tag).text = str(value)
    return parent


def _meeting_created(meeting: FakeMeeting, message_key: str = "", message: str = "") -> ElementTree.Element:
    root = _response(
        "SUCCESS",
        meetingID=meeting.meeting_id,
        internalMeetingID=meeting.internal_meeting_id,
        parentMeetingID="bbb-none",
        attendeePW=meeting.attendee_pw,
        moderatorPW=meeting.moderator_pw,
        createTime=meeting.create_time,
        voiceBridge="70000",
        createDate=datetime.fromtimestamp(meeting.create_time / 1000, tz=UTC).strftime(
            "%a %b %d %H:%M:%S %Z %Y"
        ),
        hasUserJoined=_bool(bool(meeting.attendees)),
        duration=meeting.params.get("duration", "0"),
        hasBeenForciblyEnded="false",
    )
    if message_key:
        _children(root, messageKey=message_key, message=message)
    return root


def _xml(root: ElementTree.Element) -> tuple[int, dict[str, str], bytes]:
    body = ElementTree.tostring(root, encoding="utf-8", xml_declaration=True)
    return 200, {"Content-Type": "text/xml;charset=utf-8"}, body


def _bool(value: bool) -> str:
    return "true" if value else "false"


def _state(recording: FakeRecording) -> str:
    return "published" if recording.published else "unpublished"


def _internal_id(meeting_id: str, create_time: int) -> str:
    return f"{hashlib.sha1(meeting_id.encode()).hexdigest()}-{create_time}"


def _iso(millis: int) -> str:
    return datetime.fromtimestamp(millis / 1000, tz=UTC).isoformat()
