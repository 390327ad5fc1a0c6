"""The stand-in's file upload: files.getUploadURLExternal, the upload URL, files.completeUploadExternal."""

from __future__ import annotations

import mimetypes

from bot.sandbox.api import ApiError, Args, Method, message_blocks, number, parse_request, required, text
from bot.sandbox.api_chat import bot_fields
from bot.sandbox.objects import Json, SandboxFile
from bot.sandbox.workspace import Workspace

UPLOAD_PATH = "/upload/v1/"


def get_upload_url(ws: Workspace, args: Args) -> Json:
    """files.getUploadURLExternal: a file id and the stand-in URL to POST the bytes to."""
    filename = required(args, "filename")
    length = number(args, "length", -1)
    if length < 0:
        raise ApiError("invalid_arguments", "[ERROR] missing required field: length")
    file_id = ws.new_id("F")
    mimetype = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    ws.files[file_id] = SandboxFile(id=file_id, name=filename, length=length, mimetype=mimetype)
    return {"upload_url": f"{ws.base_url}{UPLOAD_PATH}{file_id}", "file_id": file_id}


def receive_upload(ws: Workspace, file_id: str, content_type: str, body: bytes) -> tuple[int, str]:
    """Store the bytes POSTed to an upload URL (raw, or the first file of a multipart form)."""
    pending = ws.files.get(file_id)
    if pending is None or pending.completed:
        return 404, "upload URL not found"
    content = body
    if content_type.lower().startswith("multipart/form-data"):
        _, files = parse_request(content_type, body, "")
        content = next(iter(files.values()), b"")
    pending.content = content
    return 200, f"OK - {len(content)}"


def complete_upload(ws: Workspace, args: Args) -> Json:
    """files.completeUploadExternal: finish uploads and share them as one message per channel."""
    items = args.get("files")
    if (
        not isinstance(items, list)
        or not items
        or not all(isinstance(i, dict) and i.get("id") for i in items)
    ):
        raise ApiError("invalid_arguments", "[ERROR] files must be a JSON array of {id, title}")
    uploads = []
    for item in items:
        upload = ws.files.get(str(item["id"]))
        if upload is None or upload.completed or upload.content is None:
            raise ApiError("file_not_found", f"[ERROR] no uploaded bytes for file {item['id']}")
        uploads.append((upload, str(item.get("title") or upload.name)))
    names = [
        c.strip() for c in (text(args, "channel_id") or text(args, "channels") or "").split(",") if c.strip()
    ]
    channels = [ws.resolve_channel(name) for name in names]
    if None in channels:
        raise ApiError("channel_not_found")
    comment = text(args, "initial_comment")
    blocks = None if comment else message_blocks(args)
    for upload, title in uploads:
        upload.title, upload.completed = title, True
        upload.channels = [c for c in channels if c]
    shared = [upload.public() for upload, _ in uploads]
    for channel_id in channels:
        fields = {**bot_fields(comment, blocks, None), "files": shared, "upload": True}
        ws.post(str(channel_id), fields, thread_ts=text(args, "thread_ts"))
    return {"files": shared}


METHODS: dict[str, Method] = {
    "files.getUploadURLExternal": get_upload_url,
    "files.completeUploadExternal": complete_upload,
}
