"""The BigBlueButton client, through a local server that verifies every checksum."""

import base64
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest
import time_machine

from childhub.webinars.bbb import (
    BigBlueButton,
    BigBlueButtonError,
    BigBlueButtonUnavailable,
    CallbackRejected,
    parse_xml,
    verify_jwt,
)
from childhub.webinars.bbb_test_server import (
    FakeBigBlueButton,
    bbb_server_fixture,
    closed_port_url,
    encode_jwt,
    silent_server,
)

bbb_server = bbb_server_fixture()

HUB = "https://hub.example.org/en/webinars"


@pytest.fixture
def bbb(bbb_server):
    return bbb_server.client()


def query_of(url):
    return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(url).query, keep_blank_values=True))


def follow_once(url):
    """Open a URL without following its redirect; the HTTP status and Location."""

    class Stay(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    try:
        with urllib.request.build_opener(Stay).open(url, timeout=5) as response:
            return response.status, response.headers.get("Location"), response.read()
    except urllib.error.HTTPError as answer:
        return answer.code, answer.headers.get("Location"), answer.read()


# Meetings


def test_creating_a_meeting_twice_finds_the_first_one(bbb, bbb_server):
    first = bbb.create_meeting("webinar-7", "Child participation in practice")
    second = bbb.create_meeting("webinar-7", "Child participation in practice")

    assert second.internal_meeting_id == first.internal_meeting_id
    assert second.create_time == first.create_time
    assert (first.duplicate, second.duplicate) == (False, True)
    assert list(bbb_server.meetings) == ["webinar-7"]
    assert [call.checksum_ok for call in bbb_server.calls_to("create")] == [True, True]


def test_a_meeting_created_elsewhere_with_other_passwords_is_found_too(bbb, bbb_server):
    bbb.create_meeting("webinar-7", "Webinar", attendee_pw="ap", moderator_pw="mp")

    meeting = bbb.create_meeting("webinar-7", "Webinar")

    assert meeting.duplicate
    assert meeting.meeting_id == "webinar-7"
    assert [call.name for call in bbb_server.calls] == ["create", "create", "getMeetingInfo"]


def test_create_passes_callbacks_metadata_and_recording(bbb, bbb_server):
    ended = bbb.with_callback_token(f"{HUB}/bbb/ended/", "webinar-7")
    analytics = bbb.with_callback_token(f"{HUB}/bbb/analytics/", "webinar-7")

    bbb.create_meeting(
        "webinar-7",
        "Webinar",
        welcome="Welcome to ChildHub",
        duration=90,
        record=True,
        meta={"childhub-webinar": "7"},
        end_callback_url=ended,
        analytics_callback_url=analytics,
        recording_ready_url=f"{HUB}/bbb/recording-ready/",
        logout_url=f"{HUB}/7/",
        extra={"guestPolicy": "ALWAYS_ACCEPT"},
    )

    sent = bbb_server.calls_to("create")[0].params
    assert sent["meetingEndedURL"] == ended
    assert sent["meta_analytics-callback-url"] == analytics
    assert sent["meetingKeepEvents"] == "true"
    assert sent["meta_bbb-recording-ready-url"] == f"{HUB}/bbb/recording-ready/"
    assert sent["meta_childhub-webinar"] == "7"
    assert (sent["record"], sent["duration"], sent["welcome"]) == ("true", "90", "Welcome to ChildHub")
    assert sent["logoutURL"] == f"{HUB}/7/"
    assert sent["guestPolicy"] == "ALWAYS_ACCEPT"


def test_a_wrong_secret_is_a_checksum_error(bbb_server):
    with pytest.raises(BigBlueButtonError) as failed:
        bbb_server.client(secret="not-the-secret").create_meeting("webinar-7", "Webinar")

    assert failed.value.message_key == "checksumError"
    assert bbb_server.meetings == {}


@pytest.mark.parametrize("algorithm", ["sha1", "sha256", "sha384", "sha512"])
def test_every_checksum_algorithm_is_accepted(bbb_server, algorithm):
    bbb_server.client(algorithm=algorithm).create_meeting("webinar-7", "Webinar")

    assert bbb_server.calls_to("create")[0].algorithm == algorithm


def test_a_server_that_no_longer_allows_sha1_refuses_it():
    with (
        FakeBigBlueButton(algorithms=("sha256", "sha512")) as server,
        pytest.raises(BigBlueButtonError) as failed,
    ):
        server.client(algorithm="sha1").is_meeting_running("webinar-7")

    assert failed.value.message_key == "checksumError"


def test_a_meeting_runs_once_someone_joins_and_reports_who_is_there(bbb, bbb_server):
    bbb.create_meeting("webinar-7", "Webinar")
    assert not bbb.is_meeting_running("webinar-7")

    follow_once(bbb.join_url("webinar-7", "Ana Kovač", role="MODERATOR", user_id="11"))
    follow_once(bbb.join_url("webinar-7", "Besa Hoxha", role="VIEWER", user_id="12"))

    assert bbb.is_meeting_running("webinar-7")
    info = bbb.get_meeting_info("webinar-7")
    assert info.name == "Webinar"
    assert info.running and info.has_user_joined
    assert (info.participant_count, info.moderator_count) == (2, 1)
    assert [(a.user_id, a.full_name, a.role) for a in info.attendees] == [
        ("11", "Ana Kovač", "MODERATOR"),
        ("12", "Besa Hoxha", "VIEWER"),
    ]


def test_information_on_a_meeting_that_is_not_there_is_not_found(bbb):
    with pytest.raises(BigBlueButtonError) as failed:
        bbb.get_meeting_info("webinar-404")

    assert failed.value.message_key == "notFound"


def test_ending_a_meeting_ends_it_once_and_bigbluebutton_calls_the_tokened_url(bbb, bbb_server):
    ended = bbb.with_callback_token(f"{HUB}/bbb/ended/", "webinar-7")
    bbb.create_meeting("webinar-7", "Webinar", end_callback_url=ended)
    follow_once(bbb.join_url("webinar-7", "Ana", role="MODERATOR"))

    assert bbb.end_meeting("webinar-7") is True
    assert bbb.end_meeting("webinar-7") is False

    assert not bbb.is_meeting_running("webinar-7")
    assert bbb_server.ended_callbacks == [ended]
    called = query_of(bbb_server.ended_callbacks[0])
    assert bbb.verify_callback_token(called["meetingID"], called["token"])


# Joining


def test_a_join_url_carries_name_role_and_locale_and_the_server_redirects_to_the_client(bbb, bbb_server):
    bbb.create_meeting("webinar-7", "Webinar")

    url = bbb.join_url(
        "webinar-7",
        "  Dragana Petrović ",
        role="VIEWER",
        user_id="42",
        language="sr",
        avatar_url=f"{HUB}/a.png",
    )

    sent = query_of(url)
    assert url.startswith(f"{bbb_server.url}/api/join?")
    assert sent["fullName"] == "Dragana Petrović"
    assert sent["role"] == "VIEWER"
    assert sent["userID"] == "42"
    assert sent["userdata-bbb_override_default_locale"] == "sr"
    assert sent["avatarURL"] == f"{HUB}/a.png"
    status, location, _ = follow_once(url)
    assert status == 302
    assert location.startswith(f"{bbb_server.client_url}?sessionToken=")
    joined = bbb_server.meetings["webinar-7"].attendees[0]
    assert (joined["fullName"], joined["role"], joined["userdata-bbb_override_default_locale"]) == (
        "Dragana Petrović",
        "VIEWER",
        "sr",
    )


def test_a_join_url_never_contains_the_secret(bbb, bbb_server):
    url = bbb.join_url("webinar-7", "Ana", role="MODERATOR", language="bs")

    assert bbb_server.secret not in url
    assert bbb_server.secret not in urllib.parse.unquote(url)
    assert bbb_server.secret not in repr(bbb)


def test_a_join_url_is_built_without_asking_the_server(bbb, bbb_server):
    bbb.join_url("webinar-7", "Ana", role="VIEWER")

    assert bbb_server.calls == []


def test_a_viewer_who_edits_the_join_url_into_a_moderator_one_is_refused(bbb, bbb_server):
    bbb.create_meeting("webinar-7", "Webinar")
    url = bbb.join_url("webinar-7", "Ana", role="VIEWER")

    status, _, body = follow_once(url.replace("role=VIEWER", "role=MODERATOR"))

    assert status == 200
    assert b"checksumError" in body
    assert bbb_server.meetings["webinar-7"].attendees == []


def test_a_join_url_without_a_redirect_answers_with_the_client_url(bbb, bbb_server):
    bbb.create_meeting("webinar-7", "Webinar")

    status, _, body = follow_once(bbb.join_url("webinar-7", "Ana", role="VIEWER", redirect=False))

    root = parse_xml(body)
    assert status == 200
    assert root.findtext("messageKey") == "successfullyJoined"
    assert root.findtext("url").startswith(bbb_server.client_url)


def test_older_servers_that_go_by_password_give_the_same_roles(bbb, bbb_server):
    bbb.create_meeting("webinar-7", "Webinar")
    for role in ("MODERATOR", "VIEWER"):
        sent = query_of(bbb.join_url("webinar-7", f"As {role}", role=role))
        without_role = {key: value for key, value in sent.items() if key not in ("role", "checksum")}
        follow_once(bbb.signed_url("join", without_role))

    assert [a["role"] for a in bbb_server.meetings["webinar-7"].attendees] == ["MODERATOR", "VIEWER"]


def test_a_join_url_for_an_earlier_run_of_the_meeting_is_refused(bbb, bbb_server):
    earlier = bbb.create_meeting("webinar-7", "Webinar")
    bbb.end_meeting("webinar-7")
    bbb.create_meeting("webinar-7", "Webinar")

    _, _, body = follow_once(bbb.join_url("webinar-7", "Ana", role="VIEWER", create_time=earlier.create_time))

    assert b"mismatchCreateTimeParam" in body


def test_a_join_url_needs_a_name():
    with pytest.raises(ValueError):
        BigBlueButton("https://bbb.example.org/bigbluebutton", "s").join_url(
            "webinar-7", "   ", role="VIEWER"
        )


def test_the_base_url_may_be_given_with_api_or_a_trailing_slash():
    for given in ("https://bbb.example.org/bigbluebutton/", "https://bbb.example.org/bigbluebutton/api/"):
        assert BigBlueButton(given, "s").base_url == "https://bbb.example.org/bigbluebutton"


def test_the_version_call_is_a_health_check(bbb):
    assert bbb.version() == "2.0"


# When BigBlueButton is not there, or not itself


def test_a_server_that_is_down_is_unavailable():
    bbb = BigBlueButton(closed_port_url(), "secret", timeout=1)

    with pytest.raises(BigBlueButtonUnavailable):
        bbb.create_meeting("webinar-7", "Webinar")


def test_a_server_that_never_answers_is_unavailable_within_the_timeout():
    with silent_server() as url:
        bbb = BigBlueButton(url, "secret", timeout=0.5)
        started = time.monotonic()
        with pytest.raises(BigBlueButtonUnavailable):
            bbb.create_meeting("webinar-7", "Webinar")

    assert time.monotonic() - started < 2


def test_a_proxy_error_page_is_unavailable(bbb, bbb_server):
    page = b"<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"
    with bbb_server.answering(page, status=502), pytest.raises(BigBlueButtonUnavailable, match="502"):
        bbb.create_meeting("webinar-7", "Webinar")


def test_a_well_formed_page_that_is_not_a_bigbluebutton_response_is_unavailable(bbb, bbb_server):
    page = b"<html><body><p>Maintenance until 10:00</p></body></html>"
    with bbb_server.answering(page), pytest.raises(BigBlueButtonUnavailable, match="not a BigBlueButton"):
        bbb.is_meeting_running("webinar-7")


def test_plain_text_is_unavailable(bbb, bbb_server):
    with (
        bbb_server.answering(b"Service temporarily down", content_type="text/plain"),
        pytest.raises(BigBlueButtonUnavailable, match="not well-formed"),
    ):
        bbb.is_meeting_running("webinar-7")


def test_an_html5_page_with_a_doctype_is_unavailable(bbb, bbb_server):
    with (
        bbb_server.answering(b"<!DOCTYPE html><html><body>Sorry</body></html>", status=503),
        pytest.raises(BigBlueButtonUnavailable),
    ):
        bbb.is_meeting_running("webinar-7")


@pytest.mark.parametrize(
    "document",
    [
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
        b"<response><returncode>SUCCESS</returncode><running>&b;</running></response>",
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<response><returncode>SUCCESS</returncode><running>&x;</running></response>",
        '<?xml version="1.0" encoding="utf-16"?><!DOCTYPE r [<!ENTITY a "a">]><response/>'.encode("utf-16"),
    ],
    ids=["entity-expansion", "external-entity", "utf-16"],
)
def test_xml_with_a_doctype_is_refused(bbb, bbb_server, document):
    with (
        bbb_server.answering(document, content_type="text/xml"),
        pytest.raises(BigBlueButtonUnavailable, match="DOCTYPE"),
    ):
        bbb.is_meeting_running("webinar-7")


def test_bigbluebutton_s_own_failure_behind_an_error_status_stays_an_error(bbb, bbb_server):
    failure = b"<response><returncode>FAILED</returncode><messageKey>internalError</messageKey></response>"
    with (
        bbb_server.answering(failure, status=500, content_type="text/xml"),
        pytest.raises(BigBlueButtonError) as failed,
    ):
        bbb.is_meeting_running("webinar-7")

    assert failed.value.message_key == "internalError"


def test_errors_do_not_show_the_secret(bbb_server):
    with pytest.raises(BigBlueButtonError) as failed:
        bbb_server.client(secret="a-wrong-secret").is_meeting_running("webinar-7")

    assert "a-wrong-secret" not in str(failed.value)


# Recordings


def test_recordings_of_a_meeting_are_listed_with_their_playback(bbb, bbb_server):
    record_id = bbb_server.add_recording(
        "webinar-7", name="Webinar", participants=23, metadata={"webinar": "7"}
    )
    bbb_server.add_recording("webinar-8")

    [recording] = bbb.get_recordings("webinar-7")

    assert recording.record_id == record_id
    assert recording.meeting_id == "webinar-7"
    assert (recording.name, recording.participants, recording.published) == ("Webinar", 23, True)
    assert recording.state == "published"
    assert recording.ended_at - recording.started_at == timedelta(hours=1)
    assert recording.metadata == {"webinar": "7"}
    assert [(f.type, f.length) for f in recording.playback] == [("presentation", 60)]
    assert recording.playback[0].url.endswith(record_id)


def test_a_meeting_without_recordings_lists_none(bbb):
    assert bbb.get_recordings("webinar-7") == []


def test_recordings_can_be_unpublished_republished_and_deleted(bbb, bbb_server):
    record_id = bbb_server.add_recording("webinar-7")

    bbb.publish_recordings([record_id], publish=False)
    assert [r.published for r in bbb.get_recordings("webinar-7")] == [False]
    bbb.publish_recordings([record_id], publish=True)
    assert [r.state for r in bbb.get_recordings("webinar-7")] == ["published"]
    bbb.delete_recordings([record_id])
    assert bbb.get_recordings("webinar-7") == []

    with pytest.raises(BigBlueButtonError) as failed:
        bbb.delete_recordings([record_id])
    assert failed.value.message_key == "notFound"


# Callbacks


def test_a_callback_token_holds_for_its_meeting_only(bbb):
    token = bbb.callback_token("webinar-7")

    assert bbb.verify_callback_token("webinar-7", token)
    assert not bbb.verify_callback_token("webinar-8", token)
    assert not bbb.verify_callback_token(
        "webinar-7", token[:-1] + "0" if token[-1] != "0" else token[:-1] + "1"
    )
    assert not bbb.verify_callback_token("webinar-7", "")
    assert not bbb.verify_callback_token("webinar-7", None)
    assert not BigBlueButton(bbb.base_url, "another-secret").verify_callback_token("webinar-7", token)


def test_a_callback_url_keeps_its_own_query_and_gains_the_meeting_and_token(bbb):
    url = bbb.with_callback_token(f"{HUB}/bbb/ended/?source=bbb&token=forged", "webinar 7")

    assert query_of(url) == {
        "source": "bbb",
        "meetingID": "webinar 7",
        "token": bbb.callback_token("webinar 7"),
    }


@pytest.fixture
def ended_webinar(bbb, bbb_server):
    analytics = bbb.with_callback_token(f"{HUB}/bbb/analytics/", "webinar-7")
    bbb.create_meeting("webinar-7", "Webinar", analytics_callback_url=analytics)
    follow_once(bbb.join_url("webinar-7", "Ana Kovač", role="MODERATOR", user_id="11"))
    follow_once(bbb.join_url("webinar-7", "Besa Hoxha", role="VIEWER", user_id="12"))
    bbb.end_meeting("webinar-7")
    return "webinar-7"


def test_the_analytics_callback_is_accepted_with_its_attendees(bbb, bbb_server, ended_webinar):
    callback = bbb_server.analytics_callback(ended_webinar)

    payload = bbb.verify_analytics_callback(
        callback.headers["Authorization"], callback.body, expected_meeting_id="webinar-7"
    )

    assert query_of(callback.url)["token"] == bbb.callback_token("webinar-7")
    assert payload["meeting_id"] == "webinar-7"
    assert [(a["ext_user_id"], a["moderator"]) for a in payload["data"]["attendees"]] == [
        ("11", True),
        ("12", False),
    ]


def test_analytics_with_a_tampered_body_claim_or_signature_are_rejected(bbb, bbb_server, ended_webinar):
    callback = bbb_server.analytics_callback(ended_webinar)
    header, claims, signature = callback.headers["Authorization"].removeprefix("Bearer ").split(".")
    longer = encode_jwt({"exp": int(time.time()) + 10 * 365 * 86400}, "x").split(".")[1]
    flipped = ("A" if signature[0] != "A" else "B") + signature[1:]

    for forged in (f"{header}.{longer}.{signature}", f"{header}.{claims}.{flipped}", f"{header}.{claims}."):
        with pytest.raises(CallbackRejected):
            bbb.verify_analytics_callback(f"Bearer {forged}", callback.body, expected_meeting_id="webinar-7")


def test_analytics_for_another_meeting_are_rejected(bbb, bbb_server, ended_webinar):
    callback = bbb_server.analytics_callback(ended_webinar)

    with pytest.raises(CallbackRejected, match="another meeting"):
        bbb.verify_analytics_callback(
            callback.headers["Authorization"], callback.body, expected_meeting_id="webinar-8"
        )
    forged = json.dumps({**json.loads(callback.body), "meeting_id": "webinar-8"})
    with pytest.raises(CallbackRejected, match="another meeting"):
        bbb.verify_analytics_callback(
            callback.headers["Authorization"], forged, expected_meeting_id="webinar-7"
        )


def test_analytics_whose_token_claims_another_meeting_are_rejected(bbb, bbb_server, ended_webinar):
    callback = bbb_server.analytics_callback(ended_webinar)
    token = encode_jwt({"exp": int(time.time()) + 60, "meeting_id": "webinar-8"}, bbb_server.secret)

    with pytest.raises(CallbackRejected, match="another meeting"):
        bbb.verify_analytics_callback(f"Bearer {token}", callback.body, expected_meeting_id="webinar-7")


@pytest.mark.parametrize("algorithm", ["none", "HS256", "HS384"])
def test_analytics_signed_with_another_algorithm_are_rejected(bbb, bbb_server, ended_webinar, algorithm):
    callback = bbb_server.analytics_callback(ended_webinar, algorithm=algorithm)

    with pytest.raises(CallbackRejected, match="not signed HS512"):
        bbb.verify_analytics_callback(
            callback.headers["Authorization"], callback.body, expected_meeting_id="webinar-7"
        )


def test_analytics_signed_with_another_secret_are_rejected(bbb, bbb_server, ended_webinar):
    callback = bbb_server.analytics_callback(ended_webinar, secret="another-secret")

    with pytest.raises(CallbackRejected, match="signature"):
        bbb.verify_analytics_callback(
            callback.headers["Authorization"], callback.body, expected_meeting_id="webinar-7"
        )


def test_analytics_expire_a_day_after_they_were_sent(bbb, bbb_server, ended_webinar):
    with time_machine.travel(datetime(2026, 5, 4, 12, 0, tzinfo=UTC), tick=False) as traveller:
        callback = bbb_server.analytics_callback(ended_webinar)
        traveller.shift(timedelta(hours=23))
        assert bbb.verify_analytics_callback(
            callback.headers["Authorization"], callback.body, expected_meeting_id="webinar-7"
        )
        traveller.shift(timedelta(hours=2))
        with pytest.raises(CallbackRejected, match="expired"):
            bbb.verify_analytics_callback(
                callback.headers["Authorization"], callback.body, expected_meeting_id="webinar-7"
            )


@pytest.mark.parametrize(
    "authorization", [None, "", "Bearer", "Basic dXNlcjpwYXNz", "Bearer not.a.jwt.at-all"]
)
def test_analytics_without_a_proper_bearer_token_are_rejected(bbb, authorization):
    with pytest.raises(CallbackRejected):
        bbb.verify_analytics_callback(authorization, b"{}", expected_meeting_id="webinar-7")


def test_a_token_without_expiry_or_with_duplicate_claims_is_rejected():
    with pytest.raises(CallbackRejected, match="no expiry"):
        verify_jwt(encode_jwt({}, "k"), "k", algorithm="HS512", require_exp=True)
    header = encode_jwt({}, "k").split(".")[0]
    claims = base64.urlsafe_b64encode(b'{"exp": 1, "exp": 9999999999}').rstrip(b"=").decode()
    signature = hmac.new(b"k", f"{header}.{claims}".encode(), hashlib.sha512).digest()
    token = f"{header}.{claims}.{base64.urlsafe_b64encode(signature).rstrip(b'=').decode()}"
    with pytest.raises(CallbackRejected, match="Duplicate"):
        verify_jwt(token, "k", algorithm="HS512", require_exp=True)


def test_a_recording_ready_callback_names_its_meeting_and_recording(bbb, bbb_server):
    bbb.create_meeting("webinar-7", "Webinar", record=True, recording_ready_url=f"{HUB}/bbb/recording-ready/")
    record_id = bbb_server.add_recording("webinar-7")
    callback = bbb_server.recording_ready_callback(record_id)
    signed = query_of("?" + callback.body.decode())["signed_parameters"]

    ready = bbb.verify_recording_ready(signed, expected_meeting_id="webinar-7")

    assert callback.url == f"{HUB}/bbb/recording-ready/"
    assert (ready.meeting_id, ready.record_id) == ("webinar-7", record_id)
    with pytest.raises(CallbackRejected):
        bbb.verify_recording_ready(signed, expected_meeting_id="webinar-8")
    with pytest.raises(CallbackRejected):
        bbb.verify_recording_ready(
            encode_jwt({"meeting_id": "webinar-7", "record_id": record_id}, bbb_server.secret)
        )
