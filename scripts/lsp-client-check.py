#!/usr/bin/env python3
"""Drives `shore lsp` from an independent LSP client (pygls/lsprotocol from PyPI).

    scripts/lsp-client-check.py SHORE_BINARY PROJECT_DIR

PROJECT_DIR holds shore.yaml and rules/demo.yaml (the rule file with the typo
`location.contry` on line 8). Prints one JSON object with what the client received:
the published diagnostics, the completion labels after `location.`, the hover on the
set name and the definition of the set. Exits non-zero on a protocol failure or timeout.
"""
import asyncio
import json
import pathlib
import sys

from lsprotocol import types as t
from pygls.lsp.client import BaseLanguageClient


async def main(shore: str, project: str) -> dict:
    rule_file = pathlib.Path(project, "rules", "demo.yaml")
    uri = rule_file.as_uri()
    text = rule_file.read_text()
    client = BaseLanguageClient("shore-lsp-check", "1")
    published: asyncio.Queue = asyncio.Queue()

    @client.feature(t.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: t.PublishDiagnosticsParams) -> None:
        published.put_nowait(params)

    await client.start_io(shore, "lsp")
    result = {}
    try:
        init = await asyncio.wait_for(client.initialize_async(t.InitializeParams(
            capabilities=t.ClientCapabilities(), root_uri=pathlib.Path(project).as_uri())), 30)
        result["server"] = init.server_info.name if init.server_info else None
        client.initialized(t.InitializedParams())
        client.text_document_did_open(t.DidOpenTextDocumentParams(
            text_document=t.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)))
        diagnostics = await asyncio.wait_for(published.get(), 60)
        result["diagnostics"] = [
            {"code": d.code, "line": d.range.start.line, "start": d.range.start.character,
             "end": d.range.end.character, "message": d.message}
            for d in diagnostics.diagnostics]

        # Complete after `location.` (line 8, 1-based): replace `contry in approved` by nothing.
        lines = text.split("\n")
        typed = lines[7][: lines[7].index("location.") + len("location.")]
        lines[7] = typed
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[t.TextDocumentContentChangeWholeDocument(text="\n".join(lines))]))
        completion = await asyncio.wait_for(client.text_document_completion_async(t.CompletionParams(
            text_document=t.TextDocumentIdentifier(uri=uri), position=t.Position(line=7, character=len(typed)))), 30)
        items = completion.items if isinstance(completion, t.CompletionList) else (completion or [])
        result["completion"] = sorted(item.label for item in items if item.kind == t.CompletionItemKind.Field)

        # Hover and go to definition on the set name, in the original text.
        client.text_document_did_change(t.DidChangeTextDocumentParams(
            text_document=t.VersionedTextDocumentIdentifier(uri=uri, version=3),
            content_changes=[t.TextDocumentContentChangeWholeDocument(text=text)]))
        column = text.split("\n")[7].index("approved") + 2
        hover = await asyncio.wait_for(client.text_document_hover_async(t.HoverParams(
            text_document=t.TextDocumentIdentifier(uri=uri), position=t.Position(line=7, character=column))), 30)
        result["hover"] = hover.contents.value if hover else None
        definition = await asyncio.wait_for(client.text_document_definition_async(t.DefinitionParams(
            text_document=t.TextDocumentIdentifier(uri=uri), position=t.Position(line=7, character=column))), 30)
        location = definition[0] if isinstance(definition, list) else definition
        result["definition"] = {"uri": location.uri, "line": location.range.start.line,
                                "start": location.range.start.character} if location else None

        await asyncio.wait_for(client.shutdown_async(None), 30)
        client.exit(None)
    finally:
        await client.stop()
    return result


if __name__ == "__main__":
    print(json.dumps(asyncio.run(main(sys.argv[1], sys.argv[2])), sort_keys=True))
