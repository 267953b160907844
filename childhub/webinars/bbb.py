"""A small, typed client for the BigBlueButton API, and checks for the callbacks BigBlueButton sends.

The protocol, as this module relies on it:

* Every call is ``GET <base>/api/<call>?<query>&checksum=<hex>``, where the checksum is
  ``hex(hash(call + query + secret))`` over the query string exactly as sent (already percent-encoded,
  without the checksum). The server tells the hash by the checksum's length: sha1 (40), sha256 (64),
  sha384 (96), sha512 (128), each only if its ``supportedChecksumAlgorithms`` allows it.
* Every answer is XML: ``<response><returncode>SUCCESS|FAILED</returncode>`` with ``<messageKey>`` and
  ``<message>`` on failures and warnings. ``join`` with ``redirect=true`` answers with a redirect
  to the client instead.
* ``create`` for a meeting that is already running answers SUCCESS with ``messageKey=duplicateWarning``
  when the attendee and moderator passwords are the same, and FAILED ``idNotUnique`` otherwise. This
  client always sends passwords (derived from the secret and the meeting id unless given), so creating
  the same meeting again is harmless: the /join view calls ``create`` before every join.
* The end-of-meeting callback (``meetingEndedURL``, a plain GET with nothing added; and the older
  ``meta_endCallbackUrl``, a GET with ``meetingID`` and ``recordingmarks`` added) is **not signed**.
  Anyone who learns the URL can call it, so the URL carries a per-meeting token: see
  :meth:`BigBlueButton.with_callback_token` and :meth:`BigBlueButton.verify_callback_token`. This client
  sends it as ``meetingEndedURL``, which BigBlueButton keeps out of the meeting's metadata and recordings.
* The analytics callback (``meta_analytics-callback-url``, BigBlueButton 2.4+, needs events kept) is a
  POST of JSON with ``Authorization: Bearer <JWT>``, the JWT signed HS512 with the shared secret and
  holding only ``exp`` (24 hours after sending). The token does not cover the body, so the body's
  ``meeting_id`` is checked against the meeting the callback URL names, and that URL carries the token too.
* The recording-ready callback (``meta_bbb-recording-ready-url``) is a form POST of ``signed_parameters``:
  a JWT signed HS256 with the shared secret holding ``meeting_id`` and ``record_id``.

The shared secret never leaves this module: join URLs carry only a checksum, and errors and ``repr``
never show it. Join URLs are credentials for as long as the meeting exists: redirect to them, never
show, store or log them.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any, Literal, NoReturn
from xml.etree import ElementTree
from xml.parsers import expat

Algorithm = Literal["sha1", "sha256", "sha384", "sha512"]
Role = Literal["MODERATOR", "VIEWER"]
JwtAlgorithm = Literal["HS256", "HS384", "HS512"]

ALGORITHMS: dict[str, Callable[..., Any]] = {
    "sha1": hashlib.sha1,
    "sha256": hashlib.sha256,
    "sha384": hashlib.sha384,
    "sha512": hashlib.sha512,
}
JWT_HASHES: dict[str, Callable[..., Any]] = {
    "HS256": hashlib.sha256,
    "HS384": hashlib.sha384,
    "HS512": hashlib.sha512,
}
MAX_RESPONSE_BYTES = 8 * 1024 * 1024
LOCALE_PARAM = "userdata-bbb_override_default_locale"
ANALYTICS_CALLBACK_PARAM = "meta_analytics-callback-url"
RECORDING_READY_PARAM = "meta_bbb-recording-ready-url"
_B64URL = re.compile(r"[A-Za-z0-9_-]*")


class BigBlueButtonException(Exception):
    """Anything that went wrong talking to BigBlueButton."""


class BigBlueButtonError(BigBlueButtonException):
    """BigBlueButton answered, and said FAILED."""

    def __init__(self, message_key: str, message: str = "") -> None:
        super().__init__(f"{message_key}: {message}" if message else message_key)
        self.message_key = message_key
        self.message = message


class BigBlueButtonUnavailable(BigBlueButtonException):
    """No usable answer: refused, timed out, an HTTP error page, or not BigBlueButton's XML."""


class CallbackRejected(ValueError):
    """A callback that does not prove it comes from our BigBlueButton for this meeting."""


@dataclass(frozen=True)
class Attendee:
    user_id: str
    full_name: str
    role: str
    is_presenter: bool = False
    is_listening_only: bool = False
    has_joined_voice: bool = False
    has_video: bool = False
    client_type: str = ""


@dataclass(frozen=True)
class Meeting:
    meeting_id: str
    internal_meeting_id: str
    name: str
    create_time: int  # milliseconds since the epoch, as BigBlueButton counts
    attendee_pw: str = ""
    moderator_pw: str = ""
    running: bool = False
    has_user_joined: bool = False
    has_been_forcibly_ended: bool = False
    duration: int = 0  # minutes; 0 for no limit
    participant_count: int = 0
    moderator_count: int = 0
    attendees: tuple[Attendee, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)
    duplicate: bool = False  # create found the meeting already there

    @property
    def created_at(self) -> datetime:
        return _from_millis(self.create_time)


@dataclass(frozen=True)
class PlaybackFormat:
    type: str
    url: str
    length: int = 0  # minutes
    processing_time: int = 0  # milliseconds


@dataclass(frozen=True)
class Recording:
    record_id: str
    meeting_id: str
    internal_meeting_id: str
    name: str
    published: bool
    state: str
    start_time: int  # milliseconds since the epoch
    end_time: int
    participants: int = 0
    playback: tuple[PlaybackFormat, ...] = ()
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def started_at(self) -> datetime:
        return _from_millis(self.start_time)

    @property
    def ended_at(self) -> datetime:
        return _from_millis(self.end_time)


@dataclass(frozen=True)
class RecordingReady:
    meeting_id: str
    record_id: str


class BigBlueButton:
    """One BigBlueButton server (or a Scalelite cluster, which speaks the same API).

    ``base_url`` is the server's API root without ``/api``, e.g. ``https://bbb.example.org/bigbluebutton``
    (a trailing ``/`` or ``/api`` is tolerated).
    """

    def __init__(
        self, base_url: str, secret: str, algorithm: Algorithm = "sha256", timeout: float = 10
    ) -> None:
        parts = urllib.parse.urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ValueError("The BigBlueButton URL must be an http(s) URL.")
        if algorithm not in ALGORITHMS:
            raise ValueError(f"Unknown checksum algorithm {algorithm!r}.")
        if not secret:
            raise ValueError("The BigBlueButton secret must not be empty.")
        root = base_url.rstrip("/")
        self.base_url = root.removesuffix("/api")
        self.algorithm: Algorithm = algorithm
        self.timeout = timeout
        self._secret = secret

    def __repr__(self) -> str:
        return f"BigBlueButton({self.base_url!r}, algorithm={self.algorithm!r})"

    # Signing

    def checksum(self, call: str, query: str) -> str:
        digest = ALGORITHMS[self.algorithm]((call + query + self._secret).encode("utf-8"))
        return str(digest.hexdigest())

    def signed_url(self, call: str, params: Mapping[str, str | int | bool | None]) -> str:
        query = _encode(params)
        checksum = self.checksum(call, query)
        return f"{self.base_url}/api/{call}?{query}{'&' if query else ''}checksum={checksum}"

    def attendee_password(self, meeting_id: str) -> str:
        return self._derive("attendee-password", meeting_id)[:24]

    def moderator_password(self, meeting_id: str) -> str:
        return self._derive("moderator-password", meeting_id)[:24]

    # Meetings

    def create_meeting(
        self,
        meeting_id: str,
        name: str,
        *,
        attendee_pw: str | None = None,
        moderator_pw: str | None = None,
        welcome: str | None = None,
        duration: int | None = None,
        record: bool = False,
        meta: Mapping[str, str] | None = None,
        end_callback_url: str | None = None,
        analytics_callback_url: str | None = None,
        recording_ready_url: str | None = None,
        logout_url: str | None = None,
        extra: Mapping[str, str | int | bool] | None = None,
    ) -> Meeting:
        """Create the meeting, or find it already there: safe to call before every join.

        ``end_callback_url`` and ``analytics_callback_url`` should carry :meth:`with_callback_token`.
        ``extra`` passes any other create parameter as is (``guestPolicy``, ``disabledFeatures``…).
        """
        _require(meeting_id, "meeting id")
        _require(name, "meeting name")
        params: dict[str, str | int | bool | None] = {
            "meetingID": meeting_id,
            "name": name,
            "attendeePW": attendee_pw or self.attendee_password(meeting_id),
            "moderatorPW": moderator_pw or self.moderator_password(meeting_id),
            "welcome": welcome,
            "duration": duration,
            "record": record,
            "logoutURL": logout_url,
            "meetingEndedURL": end_callback_url,
        }
        if analytics_callback_url:
            params["meetingKeepEvents"] = True  # the analytics come from the meeting's events
            params[ANALYTICS_CALLBACK_PARAM] = analytics_callback_url
        if recording_ready_url:
            params[RECORDING_READY_PARAM] = recording_ready_url
        for key, value in (meta or {}).items():
            params[f"meta_{key}"] = value
        params.update(extra or {})
        try:
            root = self._call("create", params)
        except BigBlueButtonError as error:
            if error.message_key != "idNotUnique":
                raise
            # Running already, created with other passwords (by hand, or another version of us).
            existing = self.get_meeting_info(meeting_id)
            return replace(existing, duplicate=True)
        return Meeting(
            meeting_id=_text(root, "meetingID") or meeting_id,
            internal_meeting_id=_text(root, "internalMeetingID"),
            name=name,
            create_time=_int(root, "createTime"),
            attendee_pw=_text(root, "attendeePW"),
            moderator_pw=_text(root, "moderatorPW"),
            has_user_joined=_bool(root, "hasUserJoined"),
            has_been_forcibly_ended=_bool(root, "hasBeenForciblyEnded"),
            duration=_int(root, "duration"),
            duplicate=_text(root, "messageKey") == "duplicateWarning",
        )

    def join_url(
        self,
        meeting_id: str,
        full_name: str,
        *,
        role: Role,
        user_id: str | None = None,
        language: str | None = None,
        redirect: bool = True,
        avatar_url: str | None = None,
        create_time: int | None = None,
        password: str | None = None,
        userdata: Mapping[str, str] | None = None,
    ) -> str:
        """A signed join URL; builds it only, without asking the server.

        Sends ``role`` (honoured by current servers) and the matching derived password (what older
        servers go by; pass ``password`` if the meeting was created with other passwords).
        ``create_time`` ties the URL to one run of the meeting.
        """
        _require(meeting_id, "meeting id")
        name = full_name.strip()
        _require(name, "full name")
        if role not in ("MODERATOR", "VIEWER"):
            raise ValueError(f"Unknown role {role!r}.")
        if password is None:
            password = (
                self.moderator_password(meeting_id)
                if role == "MODERATOR"
                else self.attendee_password(meeting_id)
            )
        params: dict[str, str | int | bool | None] = {
            "meetingID": meeting_id,
            "fullName": name,
            "role": role,
            "password": password,
            "userID": user_id,
            "createTime": create_time,
            "avatarURL": avatar_url,
            "redirect": None if redirect else False,
            LOCALE_PARAM: language,
        }
        for key, value in (userdata or {}).items():
            params[key if key.startswith("userdata-") else f"userdata-{key}"] = value
        return self.signed_url("join", params)

    def is_meeting_running(self, meeting_id: str) -> bool:
        return _bool(self._call("isMeetingRunning", {"meetingID": meeting_id}), "running")

    def get_meeting_info(self, meeting_id: str) -> Meeting:
        """The meeting as it is now; BigBlueButtonError ``notFound`` when it is not there."""
        root = self._call("getMeetingInfo", {"meetingID": meeting_id})
        attendees = tuple(
            Attendee(
                user_id=_text(node, "userID"),
                full_name=_text(node, "fullName"),
                role=_text(node, "role"),
                is_presenter=_bool(node, "isPresenter"),
                is_listening_only=_bool(node, "isListeningOnly"),
                has_joined_voice=_bool(node, "hasJoinedVoice"),
                has_video=_bool(node, "hasVideo"),
                client_type=_text(node, "clientType"),
            )
            for node in root.iterfind("attendees/attendee")
        )
        return Meeting(
            meeting_id=_text(root, "meetingID"),
            internal_meeting_id=_text(root, "internalMeetingID"),
            name=_text(root, "meetingName"),
            create_time=_int(root, "createTime"),
            attendee_pw=_text(root, "attendeePW"),
            moderator_pw=_text(root, "moderatorPW"),
            running=_bool(root, "running"),
            has_user_joined=_bool(root, "hasUserJoined"),
            has_been_forcibly_ended=_bool(root, "hasBeenForciblyEnded"),
            duration=_int(root, "duration"),
            participant_count=_int(root, "participantCount"),
            moderator_count=_int(root, "moderatorCount"),
            attendees=attendees,
            metadata=_children(root.find("metadata")),
        )

    def end_meeting(self, meeting_id: str, *, moderator_pw: str | None = None) -> bool:
        """End the meeting for everyone. False when there was no such meeting (already ended)."""
        params = {"meetingID": meeting_id, "password": moderator_pw or self.moderator_password(meeting_id)}
        try:
            self._call("end", params)
        except BigBlueButtonError as error:
            if error.message_key == "notFound":
                return False
            raise
        return True

    # Recordings

    def get_recordings(
        self,
        meeting_id: str | Sequence[str] | None = None,
        *,
        record_ids: Iterable[str] = (),
        state: str | None = None,
    ) -> list[Recording]:
        """Recordings of one or more meetings (or by record id), published and unpublished by default."""
        meeting_ids = [meeting_id] if isinstance(meeting_id, str) else list(meeting_id or [])
        params = {
            "meetingID": ",".join(meeting_ids) or None,
            "recordID": ",".join(record_ids) or None,
            "state": state,
        }
        root = self._call("getRecordings", params)
        return [_recording(node) for node in root.iterfind("recordings/recording")]

    def publish_recordings(self, record_ids: Iterable[str], publish: bool) -> None:
        ids = _ids(record_ids)
        root = self._call("publishRecordings", {"recordID": ids, "publish": publish})
        if _text(root, "published") not in ("true", "false"):
            raise BigBlueButtonUnavailable("publishRecordings answered without <published>.")

    def delete_recordings(self, record_ids: Iterable[str]) -> None:
        root = self._call("deleteRecordings", {"recordID": _ids(record_ids)})
        if _text(root, "deleted") != "true":
            raise BigBlueButtonUnavailable("deleteRecordings answered without <deleted>true</deleted>.")

    def version(self) -> str:
        """The API version the server reports (the one call that needs no checksum): a health check."""
        return _text(self._fetch(f"{self.base_url}/api"), "version")

    # Callbacks

    def callback_token(self, meeting_id: str) -> str:
        """A per-meeting token for callback URLs: unguessable without the shared secret."""
        return self._derive("callback", meeting_id)[:32]

    def verify_callback_token(self, meeting_id: str, token: str | None) -> bool:
        if not meeting_id or not token:
            return False
        return hmac.compare_digest(self.callback_token(meeting_id).encode(), token.encode("utf-8", "replace"))

    def with_callback_token(self, url: str, meeting_id: str) -> str:
        """``url`` with ``meetingID`` and ``token`` added to its query, for a callback to verify."""
        parts = urllib.parse.urlsplit(url)
        query = urllib.parse.parse_qsl(parts.query, keep_blank_values=True)
        query = [(key, value) for key, value in query if key not in ("meetingID", "token")]
        query += [("meetingID", meeting_id), ("token", self.callback_token(meeting_id))]
        return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))

    def verify_analytics_callback(
        self, authorization: str | None, body: bytes | str, *, expected_meeting_id: str | None = None
    ) -> dict[str, Any]:
        """The analytics payload, once its bearer JWT (HS512, unexpired) and meeting id check out.

        Raises CallbackRejected otherwise. BigBlueButton's token holds only ``exp``; a ``meeting_id``
        claim, if a server (or a load balancer re-signing it) adds one, must match as well.
        """
        scheme, _, token = (authorization or "").strip().partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise CallbackRejected("No bearer token.")
        claims = verify_jwt(token.strip(), self._secret, algorithm="HS512", require_exp=True)
        try:
            payload = _json_object(body.encode("utf-8") if isinstance(body, str) else body)
        except CallbackRejected as error:
            raise CallbackRejected("The analytics body is not a JSON object.") from error
        if expected_meeting_id is not None:
            claimed = claims.get("meeting_id", expected_meeting_id)
            if claimed != expected_meeting_id or payload.get("meeting_id") != expected_meeting_id:
                raise CallbackRejected("The analytics are for another meeting.")
        return payload

    def verify_recording_ready(
        self, signed_parameters: str | None, *, expected_meeting_id: str | None = None
    ) -> RecordingReady:
        """The meeting and recording a recording-ready callback announces (its JWT is HS256)."""
        if not signed_parameters:
            raise CallbackRejected("No signed_parameters.")
        claims = verify_jwt(signed_parameters, self._secret, algorithm="HS256", require_exp=False)
        meeting_id, record_id = claims.get("meeting_id"), claims.get("record_id")
        if (
            not isinstance(meeting_id, str)
            or not isinstance(record_id, str)
            or not meeting_id
            or not record_id
        ):
            raise CallbackRejected("The token names no meeting and recording.")
        if expected_meeting_id is not None and meeting_id != expected_meeting_id:
            raise CallbackRejected("The recording is of another meeting.")
        return RecordingReady(meeting_id=meeting_id, record_id=record_id)

    # Transport

    def _derive(self, purpose: str, meeting_id: str) -> str:
        message = f"childhub-bbb:{purpose}:{meeting_id}".encode()
        return hmac.new(self._secret.encode("utf-8"), message, hashlib.sha256).hexdigest()

    def _call(self, call: str, params: Mapping[str, str | int | bool | None]) -> ElementTree.Element:
        root = self._fetch(self.signed_url(call, params))
        if _text(root, "returncode") != "SUCCESS":
            raise BigBlueButtonError(_text(root, "messageKey") or "unknownError", _text(root, "message"))
        return root

    def _fetch(self, url: str) -> ElementTree.Element:
        """GET ``url`` and parse BigBlueButton's XML answer, within the timeout, or raise."""
        request = urllib.request.Request(
            url, headers={"Accept": "application/xml", "User-Agent": "ChildHub BigBlueButton client"}
        )
        deadline = time.monotonic() + self.timeout
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                data = _read(response, deadline)
        except urllib.error.HTTPError as error:
            # Some proxies answer BigBlueButton's own FAILED with an error status; anything else is a page.
            try:
                root = parse_xml(_read(error, deadline))
            except (BigBlueButtonUnavailable, OSError, http.client.HTTPException):
                root = None
            finally:
                error.close()
            if root is not None and root.tag == "response" and _text(root, "returncode") == "FAILED":
                raise BigBlueButtonError(
                    _text(root, "messageKey") or "unknownError", _text(root, "message")
                ) from None
            raise BigBlueButtonUnavailable(f"BigBlueButton answered HTTP {error.code}.") from None
        except (OSError, http.client.HTTPException) as error:  # refused, reset, timed out, bad status line
            raise BigBlueButtonUnavailable(f"BigBlueButton did not answer: {type(error).__name__}.") from None
        root = parse_xml(data)
        if root.tag != "response" or root.find("returncode") is None:
            raise BigBlueButtonUnavailable("The answer is not a BigBlueButton response.")
        return root


def verify_jwt(
    token: str,
    key: str,
    *,
    algorithm: JwtAlgorithm,
    require_exp: bool,
    leeway: float = 30,
    now: float | None = None,
) -> dict[str, Any]:
    """The claims of an HMAC-signed compact JWT, or CallbackRejected.

    Only ``algorithm`` is accepted (so never ``none``, nor a weaker HMAC); the signature is compared in
    constant time on its canonical encoding; ``exp`` and ``nbf`` are checked with ``leeway`` seconds.
    """
    parts = token.split(".")
    if len(parts) != 3:
        raise CallbackRejected("Not a signed JWT.")
    header_part, payload_part, signature_part = parts
    header = _json_object(_b64url_decode(header_part))
    if header.get("alg") != algorithm:
        raise CallbackRejected(f"The token is not signed {algorithm}.")
    if "crit" in header or str(header.get("typ", "JWT")).upper() != "JWT":
        raise CallbackRejected("Unsupported token header.")
    signing_input = f"{header_part}.{payload_part}".encode("ascii")
    expected = _b64url_encode(hmac.new(key.encode("utf-8"), signing_input, JWT_HASHES[algorithm]).digest())
    if not hmac.compare_digest(expected.encode("ascii"), signature_part.encode("ascii", "replace")):
        raise CallbackRejected("Bad token signature.")
    claims = _json_object(_b64url_decode(payload_part))
    moment = time.time() if now is None else now
    exp, nbf = claims.get("exp"), claims.get("nbf")
    if exp is None:
        if require_exp:
            raise CallbackRejected("The token has no expiry.")
    elif not _is_number(exp) or moment >= exp + leeway:
        raise CallbackRejected("The token has expired.")
    if nbf is not None and (not _is_number(nbf) or moment < nbf - leeway):
        raise CallbackRejected("The token is not valid yet.")
    return claims


def parse_xml(data: bytes) -> ElementTree.Element:
    """Parse an XML answer, refusing any DOCTYPE or entity declaration (no entity expansion, no XXE)."""

    def refuse(*args: object) -> NoReturn:
        raise BigBlueButtonUnavailable("Refused an XML answer with a DOCTYPE or entity declaration.")

    builder = ElementTree.TreeBuilder()
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    parser.StartElementHandler = builder.start
    parser.EndElementHandler = builder.end
    parser.CharacterDataHandler = builder.data
    try:
        parser.Parse(data, True)
    except expat.ExpatError:
        raise BigBlueButtonUnavailable("The answer is not well-formed XML.") from None
    root: ElementTree.Element | None = builder.close()
    if root is None:  # expat refuses a document without an element first; this is a second lock
        raise BigBlueButtonUnavailable("The answer is empty.")
    return root


# Helpers


def _encode(params: Mapping[str, str | int | bool | None]) -> str:
    pairs = [
        (key, ("true" if value else "false") if isinstance(value, bool) else str(value))
        for key, value in params.items()
        if value is not None
    ]
    return urllib.parse.urlencode(pairs, quote_via=urllib.parse.quote)


def _read(response: Any, deadline: float) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read(64 * 1024):
        chunks.append(chunk)
        size += len(chunk)
        if size > MAX_RESPONSE_BYTES:
            raise BigBlueButtonUnavailable("The answer is too large.")
        if time.monotonic() > deadline:
            raise BigBlueButtonUnavailable("BigBlueButton answered too slowly.")
    return b"".join(chunks)


def _require(value: str, what: str) -> None:
    if not value or not value.strip():
        raise ValueError(f"The {what} must not be empty.")


def _ids(record_ids: Iterable[str]) -> str:
    ids = [record_id for record_id in record_ids if record_id]
    if not ids:
        raise ValueError("Name at least one recording.")
    return ",".join(ids)


def _text(node: ElementTree.Element, tag: str) -> str:
    found = node.find(tag)
    return (found.text or "").strip() if found is not None else ""


def _bool(node: ElementTree.Element, tag: str) -> bool:
    return _text(node, tag).lower() == "true"


def _int(node: ElementTree.Element, tag: str) -> int:
    try:
        return int(_text(node, tag))
    except ValueError:
        return 0


def _children(node: ElementTree.Element | None) -> dict[str, str]:
    return {} if node is None else {child.tag: (child.text or "").strip() for child in node}


def _recording(node: ElementTree.Element) -> Recording:
    return Recording(
        record_id=_text(node, "recordID"),
        meeting_id=_text(node, "meetingID"),
        internal_meeting_id=_text(node, "internalMeetingID"),
        name=_text(node, "name"),
        published=_bool(node, "published"),
        state=_text(node, "state"),
        start_time=_int(node, "startTime"),
        end_time=_int(node, "endTime"),
        participants=_int(node, "participants"),
        playback=tuple(
            PlaybackFormat(
                type=_text(fmt, "type"),
                url=_text(fmt, "url"),
                length=_int(fmt, "length"),
                processing_time=_int(fmt, "processingTime"),
            )
            for fmt in node.iterfind("playback/format")
        ),
        metadata=_children(node.find("metadata")),
    )


def _from_millis(millis: int) -> datetime:
    return datetime.fromtimestamp(millis / 1000, tz=UTC)


def _b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _b64url_decode(segment: str) -> bytes:
    if not _B64URL.fullmatch(segment) or len(segment) % 4 == 1:
        raise CallbackRejected("Malformed token.")
    return base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))


def _json_object(data: bytes) -> dict[str, Any]:
    def no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        keys = [key for key, _ in pairs]
        if len(keys) != len(set(keys)):
            raise CallbackRejected("Duplicate keys.")
        return dict(pairs)

    try:
        value = json.loads(data, object_pairs_hook=no_duplicates)
    except (ValueError, UnicodeDecodeError) as error:
        if isinstance(error, CallbackRejected):
            raise
        raise CallbackRejected("Not JSON.") from None
    if not isinstance(value, dict):
        raise CallbackRejected("Not a JSON object.")
    return value


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
