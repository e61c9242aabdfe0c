"use client";

import { type Editor, EditorContent, useEditor } from "@tiptap/react";
import { useEffect, useMemo, useRef, useState } from "react";
import type { MarkingProfile } from "@/lib/marking/profile-schema";
import { BlockDragHandle } from "./block-drag-handle";
import { CitationPicker } from "./citation-picker";
import { EditorComments } from "./comments/editor-comments";
import { type CommentHandlers, CommentHighlights } from "./comments/highlights";
import { ComparisonPicker } from "./comparison-picker";
import { EditorSkeleton } from "./editor-skeleton";
import { browserExtensions, type CollabUser, type ShortcutHandlers } from "./extensions";
import { FindBar } from "./find-bar";
import { FrameworkPicker } from "./framework-picker";
import { HistoryPanel } from "./history/history-panel";
import type { InsertMenuHandle } from "./insert-menu";
import { LinkForm } from "./link-form";
import { MarkingBanner, MarkingIssues, PortionButton, useLiveMarking } from "./marking/marking-bar";
import { PortionPicker } from "./marking/portion-picker";
import type { MentionItem } from "./mention-list";
import { MentionOutsiderNotice } from "./mention-outsider-notice";
import { Outline } from "./outline";
import { PortionMarkView, type PortionProfileHandle, refreshPortionMarks } from "./portion-marks";
import { PresenceList } from "./presence-list";
import { SaveStatusBadge } from "./save-status";
import { ShortcutSheet, useShortcutSheetKey } from "./shortcut-sheet";
import { ModeSwitch } from "./suggestions/mode-switch";
import { type EditorMode, SuggestMode, setSuggesting } from "./suggestions/suggest-mode";
import { SuggestionsSection } from "./suggestions/suggestions-section";
import { Toolbar } from "./toolbar";
import { useBeforeUnload } from "./use-before-unload";
import { type CollabSession, type CollabState, useCollaboration } from "./use-collaboration";
import { useOutlinePreference } from "./use-outline-preference";
import { WordCount } from "./word-count";

export type BriefingEditorProps = {
  briefingId: string;
  user: CollabUser;
  /** The user's role allows editing (the server enforces it as well, and can still say read-only). */
  canEdit: boolean;
  /** What the role allows with comment threads (the server checks each write again). */
  comments: CommentRights;
  /**
   * The owner set "suggestions only" for editors and this user is held to it: their edits are
   * suggestions and they cannot accept others' (the collaboration server enforces it too: server/collab/suggest-only.ts).
   */
  suggestOnly?: boolean;
  /** The briefing's marking profile (portion marks, computed banner), or its legacy free-text marking. */
  marking?: EditorMarking;
};

/** What the editor needs of a briefing's marking. */
export type EditorMarking = { profile: MarkingProfile | null; legacy: string };

const NO_MARKING: EditorMarking = { profile: null, legacy: "" };

/** Comment abilities of the user's role: start and answer threads, delete others' comments, share. */
export type CommentRights = { canComment: boolean; canModerate: boolean; canShare: boolean };

/** The collaborative editor of one briefing (browser only: loaded with next/dynamic, ssr: false). */
export default function BriefingEditor({
  briefingId,
  user,
  canEdit,
  comments,
  suggestOnly = false,
  marking = NO_MARKING,
}: BriefingEditorProps) {
  const collab = useCollaboration(briefingId);
  useBeforeUnload(collab.unsaved);
  if (!collab.session) return <EditorSkeleton />;
  return (
    <CollabEditor
      session={collab.session}
      collab={collab}
      user={user}
      canEdit={canEdit}
      comments={comments}
      suggestOnly={suggestOnly}
      marking={marking}
    />
  );
}

type Dialog = "link" | "framework" | "comparison" | "citation" | "shortcuts" | "history" | "portion" | null;

type Find = "find" | "replace" | null;

const noop = () => {};

type CollabEditorProps = {
  session: CollabSession;
  collab: CollabState;
  user: CollabUser;
  canEdit: boolean;
  comments: CommentRights;
  suggestOnly: boolean;
  marking: EditorMarking;
};

function CollabEditor({ session, collab, user, canEdit, comments, suggestOnly, marking }: CollabEditorProps) {
  const [mode, setMode] = useState<EditorMode>(suggestOnly ? "suggesting" : "editing");
  const [refused, setRefused] = useState<string | null>(null);
  const onRefused = useRef<(reason: string) => void>(setRefused);
  onRefused.current = setRefused;
  const [dialog, setDialog] = useState<Dialog>(null);
  const menu = useRef<InsertMenuHandle>(null);
  const [find, setFind] = useState<Find>(null);
  const [outsider, setOutsider] = useState<MentionItem | null>(null);
  const handlers = useRef<ShortcutHandlers>({
    link: noop,
    insert: noop,
    find: noop,
    replace: noop,
    shortcuts: noop,
    mentionOutsider: noop,
  });
  handlers.current = {
    link: () => setDialog("link"),
    insert: () => menu.current?.open(),
    find: () => setFind((open) => open ?? "find"),
    replace: () => setFind("replace"),
    shortcuts: () => setDialog("shortcuts"),
    mentionOutsider: setOutsider,
  };
  useShortcutSheetKey(() => setDialog("shortcuts"));
  const [outline, toggleOutline] = useOutlinePreference();
  // Props are new objects after every router.refresh(); the editor must only be rebuilt when the
  // session or the user's identity changes.
  const self = useMemo<CollabUser>(
    () => ({ id: user.id, name: user.name, color: user.color }),
    [user.id, user.name, user.color],
  );
  const commentHandlers = useRef<CommentHandlers>({ comment: () => {}, focusThread: () => {} });
  // The profile and the picker are read through handles: changing them must not rebuild the editor.
  const profile = useRef<PortionProfileHandle["current"]>(marking.profile);
  profile.current = marking.profile;
  const openPicker = useRef(() => {});
  openPicker.current = () => {
    if (marking.profile) setDialog("portion");
  };
  const extensions = useMemo(
    () => [
      ...browserExtensions(session, self, handlers),
      CommentHighlights.configure({ handlers: commentHandlers }),
      SuggestMode.configure({ author: { id: self.id, name: self.name }, onRefused }),
      PortionMarkView.configure({ profile, openPicker }),
    ],
    [session, self],
  );
  const editor = useEditor(
    {
      extensions,
      immediatelyRender: false,
      editable: false,
      editorProps: {
        attributes: { class: "prose", "aria-label": "Briefing text", "aria-multiline": "true", role: "textbox" },
      },
    },
    [extensions],
  );
  const effectiveMode: EditorMode = suggestOnly && mode === "editing" ? "suggesting" : mode;
  const editable =
    canEdit &&
    effectiveMode !== "viewing" &&
    collab.ready &&
    collab.status !== "read-only" &&
    collab.access !== "revoked";

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  // Suggesting is the editor's local state (a plugin flag), set again whenever the editor is rebuilt.
  useEffect(() => {
    if (!editor) return;
    setSuggesting(editor, effectiveMode === "suggesting");
    setRefused(null);
  }, [editor, effectiveMode]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the prefixes are redrawn when the profile changes
  useEffect(() => {
    if (editor && !editor.isDestroyed) refreshPortionMarks(editor);
  }, [editor, marking.profile]);

  const close = () => setDialog(null);
  return (
    <div className="editor-shell" data-testid="briefing-editor" data-ready={collab.ready}>
      <div className="editor-bar">
        {editor && canEdit ? <ModeSwitch mode={effectiveMode} onChange={setMode} suggestOnly={suggestOnly} /> : null}
        {editor && canEdit ? (
          <Toolbar
            editor={editor}
            onLink={() => setDialog("link")}
            onFramework={() => setDialog("framework")}
            onComparison={() => setDialog("comparison")}
            onCitation={() => setDialog("citation")}
            menuRef={menu}
          />
        ) : (
          <p className="editor-bar__note">You can read this briefing; your role does not allow changes.</p>
        )}
        {editor && canEdit && marking.profile ? (
          <PortionButton editor={editor} profile={marking.profile} onOpen={() => setDialog("portion")} />
        ) : null}
        {comments.canComment ? (
          <button
            type="button"
            className="button button--small button--secondary editor-bar__comment"
            title="Comment on the selection (Ctrl+Alt+M)"
            aria-keyshortcuts="Control+Alt+M Meta+Alt+M"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => commentHandlers.current.comment()}
          >
            Comment
          </button>
        ) : null}
        <div className="editor-bar__meta">
          {collab.connecting && collab.access === "ok" ? (
            <output className="save-status" data-testid="save-status">
              Connecting…
            </output>
          ) : (
            <SaveStatusBadge status={collab.status} problem={collab.problem} access={collab.access} />
          )}
          <PresenceList provider={session.provider} self={self} />
          <button
            type="button"
            className="button button--secondary button--small"
            aria-pressed={outline}
            onClick={toggleOutline}
          >
            Outline
          </button>
          <button type="button" className="button button--secondary button--small" onClick={() => setDialog("history")}>
            History
          </button>
          <button
            type="button"
            className="link-button editor-bar__help"
            aria-label="Keyboard shortcuts"
            title="Keyboard shortcuts (?)"
            onClick={() => setDialog("shortcuts")}
          >
            ?
          </button>
        </div>
        {editor && find ? (
          <FindBar
            editor={editor}
            canReplace={editable}
            replaceOpen={find === "replace"}
            onClose={() => setFind(null)}
          />
        ) : null}
      </div>
      {collab.access === "signed-out" ? (
        <p className="notice notice--warning" role="alert">
          Your session expired.{" "}
          <a href="/sign-in" target="_blank" rel="noopener">
            Sign in again
          </a>{" "}
          (in a new tab) to keep saving; your changes are kept on this device and are saved once you are back.
        </p>
      ) : null}
      {collab.problem ? (
        <div className="notice notice--warning" role="alert" data-testid="save-problem">
          {collab.problem}{" "}
          <button type="button" className="button button--secondary" onClick={collab.reconnect}>
            Reconnect
          </button>
        </div>
      ) : null}
      {collab.access === "revoked" ? (
        <p className="notice notice--warning" role="alert">
          You no longer have access to this briefing. Changes you made since the last save are kept on this device only.
        </p>
      ) : null}
      {refused ? (
        <p className="notice suggest-refused" role="status" data-testid="suggest-refused">
          {refused}{" "}
          <button type="button" className="link-button" onClick={() => setRefused(null)}>
            Dismiss
          </button>
        </p>
      ) : null}
      {outsider ? (
        <MentionOutsiderNotice briefingId={session.briefingId} person={outsider} onClose={() => setOutsider(null)} />
      ) : null}
      {editor && dialog === "link" ? <LinkForm editor={editor} onClose={close} /> : null}
      {editor ? <EditorMarkingView editor={editor} marking={marking} position="top" /> : null}
      <div className="editor-body">
        {editor && outline ? <Outline editor={editor} ready={collab.ready} /> : null}
        <div className="editor-page">
          {!collab.ready ? <p className="muted editor-page__loading">Loading the document…</p> : null}
          <EditorContent editor={editor} />
          {editor && editable ? <BlockDragHandle editor={editor} /> : null}
        </div>
        {editor ? (
          <div className="editor-body__comments">
            <EditorComments
              editor={editor}
              session={session}
              handlers={commentHandlers}
              me={user.id}
              {...comments}
              suggestions={(discuss) => (
                <SuggestionsSection
                  editor={editor}
                  me={user.id}
                  canReview={canEdit && !suggestOnly}
                  canWithdraw={canEdit}
                  onDiscuss={comments.canComment ? discuss : undefined}
                />
              )}
            />
          </div>
        ) : null}
      </div>
      {editor ? <EditorMarkingView editor={editor} marking={marking} position="bottom" /> : null}
      {editor ? <WordCount editor={editor} /> : null}
      {dialog === "shortcuts" ? <ShortcutSheet onClose={close} /> : null}
      {dialog === "history" ? <HistoryPanel briefingId={session.briefingId} canEdit={canEdit} onClose={close} /> : null}
      {editor && dialog === "framework" ? <FrameworkPicker editor={editor} onClose={close} /> : null}
      {editor && dialog === "comparison" ? <ComparisonPicker editor={editor} onClose={close} /> : null}
      {editor && dialog === "portion" && marking.profile ? (
        <PortionPicker editor={editor} profile={marking.profile} onClose={close} />
      ) : null}
      {editor && dialog === "citation" ? <CitationPicker editor={editor} onClose={close} /> : null}
    </div>
  );
}

type EditorMarkingViewProps = { editor: Editor; marking: EditorMarking; position: "top" | "bottom" };

/** The live banner (top and bottom of the text) and, at the top, what is wrong with the marking. */
function EditorMarkingView({ editor, marking, position }: EditorMarkingViewProps) {
  const live = useLiveMarking(editor, marking.profile);
  return (
    <>
      <MarkingBanner marking={live} legacy={marking.legacy} position={position} />
      {position === "top" ? <MarkingIssues marking={live} /> : null}
    </>
  );
}
