"""Every error the API returns is JSON: {"status": N, "message": "...", "hint": "..."}.

`message` says what is wrong and `hint` what to do about it; the status comes from the
error class (`cotejo.errors`: InputError 400, NotFound 404, NotSignedIn 401, AccessDenied 403,
TooManyAttempts 429 with Retry-After, StoreError 503). Request validation by FastAPI and
unknown routes answer in the same shape.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from cotejo.errors import CotejoError

log = logging.getLogger(__name__)


def error_response(
    status: int, message: str, hint: str = "", retry_after: int | None = None
) -> JSONResponse:
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
    if retry_after is not None:
        headers["Retry-After"] = str(retry_after)
    return JSONResponse(
        {"status": status, "message": message, "hint": hint}, status_code=status, headers=headers
    )


async def _cotejo_error(request: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, CotejoError)
    if getattr(err, "status", 500) >= 500:
        log.error("%s %s: %s", request.method, request.url.path, err)
    return error_response(
        getattr(err, "status", 500), err.message, err.hint, getattr(err, "retry_after", None)
    )


async def _validation_error(request: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, RequestValidationError)
    problems = []
    for item in err.errors():
        where = ".".join(str(part) for part in item.get("loc", ())[1:]) or "request"
        problems.append(f"{where}: {item.get('msg', 'invalid')}")
    return error_response(
        400, "; ".join(problems), "see /openapi.json for each parameter's type and range"
    )


async def _http_error(request: Request, err: Exception) -> JSONResponse:
    assert isinstance(err, StarletteHTTPException)
    if err.status_code == 404:
        return error_response(
            404, f"no route {request.url.path}", "the API's routes are listed in /openapi.json"
        )
    if err.status_code == 405:
        return error_response(
            405, f"{request.method} is not allowed on {request.url.path}", "see /openapi.json"
        )
    return error_response(err.status_code, str(err.detail), "")


def install(app: FastAPI) -> None:
    app.add_exception_handler(CotejoError, _cotejo_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
