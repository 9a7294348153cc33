import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { DRAGGABLE_KINDS, EDITABLE_KINDS, type DrawableItem } from '../../src/simulator/drawable-item';
import type { BoardRect, BoardRules, SimulatedBoard } from '../../src/simulator/simulated-board';
import { BoardDrawing } from './board-drawing';
import type { Locale } from '../strings';
import { describeDrawableItem, nameDrawableKind } from './describe-drawable-item';
import { layoutItemText } from './layout-item-text';
import { HOST_NAMES, PLAYGROUND_STRINGS, type PlaygroundStrings } from './playground-strings';
import { useBoardItems } from './use-board-items';
import { findBoundingRect, findVisibleRect, fitViewToRect, zoomViewAround, type CanvasSize, type ViewTransform } from './view-transform';
import { BOARD_FONT_FAMILY } from './wrap-board-text';

/** What the board view needs: the board, its rules, the switch between rules, and the language of its controls. */
export interface BoardViewProps {
  board: SimulatedBoard;
  onRulesChange: (rules: BoardRules) => void;
  locale: Locale;
}

// Colours a person gives a sticky on the simulated board; each host snaps them to its own palette.
const RECOLOURS: readonly [keyof PlaygroundStrings['colours'], string][] = [
  ['red', '#ffc7c2'],
  ['orange', '#fcd19c'],
  ['yellow', '#ffe8a3'],
  ['green', '#aff4c6'],
  ['blue', '#bde3ff'],
  ['violet', '#e4ccff'],
];

// Zoom buttons and keys step by a quarter; a wheel notch (100 px) by about 16 %.
const ZOOM_STEP = 1.25;
const WHEEL_ZOOM_RATE = 0.0015;
const PINCH_ZOOM_RATE = 0.01;
// A press that moves less than this (screen px) is a click, not a drag.
const DRAG_THRESHOLD_PX = 3;
// Arrow keys move the selection by this many board units (Shift: five times).
const NUDGE = 10;
const PAN_STEP_PX = 60;
// A person's new map view starts here: the board's centre at about 25 %.
const INITIAL_SCALE = 0.25;
// The dot grid: one dot every 40 board units, thinned out when zoomed out.
const GRID_STEP = 40;
const MIN_GRID_PX = 12;
// The text editor never gets smaller than this on screen, however far out the view is.
const MIN_EDITOR_FONT_PX = 14;
const MIN_EDITOR_SIZE_PX = { width: 180, height: 80 };

type Gesture =
  | { type: 'pan'; startX: number; startY: number; view: ViewTransform }
  | { type: 'drag'; item: DrawableItem; startX: number; startY: number; moved: boolean };

interface Editing {
  id: string;
  value: string;
}

/**
 * The simulated board: a toolbar (rules, Add sticky, Edit text, Delete,
 * zoom) above an SVG canvas that pans (drag on empty board, arrow keys) and
 * zooms (wheel or ctrl-wheel around the pointer, buttons, + and - keys).
 * Click selects, double-click or Enter edits text in place, stickies and
 * emotion points drag, Delete removes. Edits go to the board as a person's
 * edits; the view follows the board's changes and the host's zoom requests.
 * Controls, status line and item names speak `locale`.
 */
/** The hosts' own names, which no language translates. */
const RULE_HOSTS = { miro: 'Miro', figjam: 'FigJam' } as const;

export function BoardView({ board, onRulesChange, locale }: BoardViewProps) {
  const strings = PLAYGROUND_STRINGS[locale];
  const canvasRef = useRef<HTMLDivElement>(null);
  const editorRef = useRef<HTMLTextAreaElement>(null);
  const [size, setSize] = useState<CanvasSize>({ width: 800, height: 600 });
  const [view, setView] = useState<ViewTransform>({ x: -400 / INITIAL_SCALE, y: -300 / INITIAL_SCALE, scale: INITIAL_SCALE });
  const [drag, setDrag] = useState<{ id: string; dx: number; dy: number } | undefined>(undefined);
  const [editing, setEditing] = useState<Editing | undefined>(undefined);
  const gesture = useRef<Gesture | undefined>(undefined);
  const editingRef = useRef<Editing | undefined>(undefined);
  editingRef.current = editing;
  const sizeRef = useRef(size);
  sizeRef.current = size;

  const fitTo = (boxes: readonly BoardRect[]) => {
    const rect = findBoundingRect(boxes);
    if (rect) setView(fitViewToRect(rect, sizeRef.current));
  };

  const { items, hostSelectedIds, refresh } = useBoardItems(board, (ids) => {
    const wanted = new Set(ids);
    fitTo(board.listItems().filter((item) => wanted.has(item.id)));
  });
  // The board's own selection: a person's click, or the app's "show on board".
  const selectedIds = useMemo(() => new Set(hostSelectedIds), [hostSelectedIds]);
  const selectedItems = items.filter((item) => selectedIds.has(item.id));
  const selected = selectedItems.length === 1 ? selectedItems[0] : undefined;

  function select(item: DrawableItem | undefined, adding = false) {
    // Shift-click adds to the selection (or takes an item out of it), as on both hosts.
    const ids = !item ? [] : adding ? (hostSelectedIds.includes(item.id) ? hostSelectedIds.filter((id) => id !== item.id) : [...hostSelectedIds, item.id]) : [item.id];
    if (ids.join() === hostSelectedIds.join()) return;
    board.selectByHand(ids);
    refresh();
  }

  function groupSelected() {
    if (selectedItems.length < 2) return;
    board.groupByHand(selectedItems.map((item) => item.id));
    refresh();
  }

  // A connector joins two items, from the one selected first (the hosts' connector tool draws from where it starts).
  const connectable = [...selectedIds].flatMap((id) => items.filter((item) => item.id === id && item.kind !== 'line' && item.kind !== 'frame'));
  function connectSelected() {
    const [from, to] = connectable;
    if (!from || !to || connectable.length !== 2) return;
    const id = board.connectByHand(from.id, to.id);
    select(board.listItems().find((item) => item.id === id));
  }

  function ungroupSelected() {
    const groups = new Set(selectedItems.flatMap((item) => (item.groupId ? [item.groupId] : [])));
    for (const group of groups) board.ungroupByHand(group);
    refresh();
  }

  function styleSelected(style: { bold?: boolean; link?: string }) {
    for (const item of selectedItems) {
      if (!EDITABLE_KINDS.has(item.kind) || item.text === '') continue;
      // The first word, as a person double-clicks a word and styles it.
      const end = item.text.search(/\s|$/);
      board.styleTextByHand(item.id, { start: 0, end: Math.max(1, end) }, style);
    }
    refresh();
  }

  function handleLinkClick() {
    const address = window.prompt(strings.linkPrompt, 'https://');
    if (address) styleSelected({ link: address });
  }

  function recolourSelected(fill: string) {
    for (const item of selectedItems) if (item.kind === 'sticky' || item.kind === 'shape') board.recolourByHand(item.id, fill);
    refresh();
  }

  // The canvas fills what the toolbar leaves; the first size centres the board's origin.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    let first = true;
    const observer = new ResizeObserver(() => {
      const next = { width: canvas.clientWidth, height: canvas.clientHeight };
      if (first) {
        first = false;
        setView((current) => ({ ...current, x: -next.width / 2 / current.scale, y: -next.height / 2 / current.scale }));
      }
      setSize(next);
    });
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []);

  // The host places new maps where the person looks.
  useEffect(() => board.setViewportByHand(findVisibleRect(view, size)), [board, view, size]);

  // Wheel zoom needs a listener that may cancel scrolling the page.
  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const handleWheel = (event: WheelEvent) => {
      event.preventDefault();
      const bounds = canvas.getBoundingClientRect();
      const rate = event.ctrlKey ? PINCH_ZOOM_RATE : WHEEL_ZOOM_RATE;
      const delta = event.deltaMode === 1 ? event.deltaY * 40 : event.deltaY;
      setView((current) => zoomViewAround(current, Math.exp(-delta * rate), { x: event.clientX - bounds.left, y: event.clientY - bounds.top }));
    };
    canvas.addEventListener('wheel', handleWheel, { passive: false });
    return () => canvas.removeEventListener('wheel', handleWheel);
  }, []);

  // Focused as it appears, before the next key press arrives; all its text selected, as Miro does.
  useLayoutEffect(() => {
    if (!editing) return;
    editorRef.current?.focus();
    editorRef.current?.select();
  }, [editing?.id]);

  const findItemAt = (target: EventTarget | null): DrawableItem | undefined => {
    const element = target instanceof Element ? target.closest('[data-item-id]') : null;
    const id = element?.getAttribute('data-item-id');
    return id ? items.find((item) => item.id === id) : undefined;
  };

  function startEditing(item: DrawableItem | undefined) {
    if (!item || !EDITABLE_KINDS.has(item.kind)) return;
    select(item);
    setEditing({ id: item.id, value: item.text });
  }

  function commitEditing() {
    const current = editingRef.current;
    if (!current) return;
    editingRef.current = undefined;
    setEditing(undefined);
    const item = items.find((candidate) => candidate.id === current.id);
    if (item && item.text !== current.value) {
      board.editTextByHand(current.id, current.value);
      refresh();
    }
    canvasRef.current?.focus();
  }

  function cancelEditing() {
    editingRef.current = undefined;
    setEditing(undefined);
    canvasRef.current?.focus();
  }

  function moveItem(item: DrawableItem, dx: number, dy: number) {
    board.moveByHand(item.id, item.x + dx, item.y + dy);
    refresh();
  }

  function removeSelected() {
    if (selectedItems.length === 0) return;
    for (const item of selectedItems) board.removeByHand(item.id);
    board.selectByHand([]);
    refresh();
  }

  function zoomBy(factor: number) {
    setView((current) => zoomViewAround(current, factor, { x: size.width / 2, y: size.height / 2 }));
  }

  function handleAddStickyClick() {
    const visible = findVisibleRect(view, size);
    const id = board.addStickyByHand(visible.x + visible.width / 2, visible.y + visible.height / 2, '');
    board.selectByHand([id]);
    refresh();
    setEditing({ id, value: '' });
  }

  function handlePointerDown(event: PointerEvent) {
    if (event.button !== 0) return;
    const item = findItemAt(event.target);
    select(item, event.shiftKey);
    canvasRef.current?.setPointerCapture(event.pointerId);
    gesture.current =
      item && DRAGGABLE_KINDS.has(item.kind)
        ? { type: 'drag', item, startX: event.clientX, startY: event.clientY, moved: false }
        : { type: 'pan', startX: event.clientX, startY: event.clientY, view };
  }

  function handlePointerMove(event: PointerEvent) {
    const current = gesture.current;
    if (!current) return;
    const dx = event.clientX - current.startX;
    const dy = event.clientY - current.startY;
    if (current.type === 'pan') {
      setView({ ...current.view, x: current.view.x - dx / current.view.scale, y: current.view.y - dy / current.view.scale });
      return;
    }
    if (!current.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD_PX) return;
    current.moved = true;
    setDrag({ id: current.item.id, dx: dx / view.scale, dy: dy / view.scale });
  }

  function handlePointerUp(event: PointerEvent) {
    const current = gesture.current;
    gesture.current = undefined;
    if (current?.type === 'drag' && current.moved) {
      moveItem(current.item, (event.clientX - current.startX) / view.scale, (event.clientY - current.startY) / view.scale);
    }
    setDrag(undefined);
  }

  function handleDoubleClick(event: MouseEvent) {
    // The pointer is captured during a press, so the event names the canvas: find the item under the pointer.
    startEditing(findItemAt(document.elementFromPoint(event.clientX, event.clientY)));
  }

  function selectNext(step: 1 | -1) {
    const candidates = items.filter((item) => item.kind !== 'line' && item.kind !== 'frame');
    if (candidates.length === 0) return;
    const index = candidates.findIndex((item) => item.id === selectedItems[0]?.id);
    const next = candidates[(index + step + candidates.length) % candidates.length] as DrawableItem;
    select(next);
    // Keep the selection in view.
    const visible = findVisibleRect(view, size);
    if (next.x < visible.x || next.y < visible.y || next.x + next.width > visible.x + visible.width || next.y + next.height > visible.y + visible.height) {
      setView({ ...view, x: next.x + next.width / 2 - size.width / 2 / view.scale, y: next.y + next.height / 2 - size.height / 2 / view.scale });
    }
  }

  function handleCanvasKeyDown(event: KeyboardEvent) {
    if (event.target !== canvasRef.current) return;
    const arrows: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const arrow = arrows[event.key];
    if (arrow) {
      event.preventDefault();
      if (selected && DRAGGABLE_KINDS.has(selected.kind)) {
        const step = event.shiftKey ? NUDGE * 5 : NUDGE;
        moveItem(selected, arrow[0] * step, arrow[1] * step);
      } else setView({ ...view, x: view.x + (arrow[0] * PAN_STEP_PX) / view.scale, y: view.y + (arrow[1] * PAN_STEP_PX) / view.scale });
      return;
    }
    const actions: Record<string, () => void> = {
      Delete: removeSelected,
      Backspace: removeSelected,
      Enter: () => startEditing(selected),
      F2: () => startEditing(selected),
      Escape: () => select(undefined),
      '+': () => zoomBy(ZOOM_STEP),
      '=': () => zoomBy(ZOOM_STEP),
      '-': () => zoomBy(1 / ZOOM_STEP),
      '0': () => fitTo(items),
      n: () => selectNext(1),
      N: () => selectNext(-1),
    };
    const action = actions[event.key];
    if (!action || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    action();
  }

  function handleEditorKeyDown(event: KeyboardEvent) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      commitEditing();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancelEditing();
    }
  }

  const editedItem = editing ? items.find((item) => item.id === editing.id) : undefined;
  // Panning moves only the transform: the drawing itself is redrawn when what it shows changes.
  const drawing = useMemo(
    () => <BoardDrawing items={items} state={{ selectedIds, drag, editingId: editing?.id, scale: view.scale, rules: board.rules, locale }} />,
    [items, selectedIds, drag, editing?.id, view.scale, board.rules, locale],
  );
  const gridPx = GRID_STEP * view.scale * Math.pow(5, Math.max(0, Math.ceil(Math.log(MIN_GRID_PX / (GRID_STEP * view.scale)) / Math.log(5))));
  const canvasStyle = {
    backgroundSize: `${gridPx}px ${gridPx}px`,
    backgroundPosition: `${-view.x * view.scale}px ${-view.y * view.scale}px`,
  };
  // Every item counts, lines too (a FigJam vector, each Miro connector), as the panel's summary counts them.
  const itemCount = items.length;

  return (
    <section class="board" aria-label={strings.board}>
      <div class="board__toolbar">
        <fieldset class="board__rules">
          <legend class="board__visually-hidden">{strings.boardLegend}</legend>
          {(['miro', 'figjam'] as const).map((rules) => (
            <label key={rules} class="board__rule">
              {/* The legend says "rules"; each option shows the host's name, and says it whole to a screen reader. */}
              <input type="radio" name="board-rules" value={rules} checked={board.rules === rules} onChange={() => onRulesChange(rules)} aria-label={strings.ruleNames[rules]} />
              <span>{RULE_HOSTS[rules]}</span>
            </label>
          ))}
        </fieldset>
        <div class="board__group">
          <button type="button" class="board__button" onClick={handleAddStickyClick}>
            {strings.addSticky}
          </button>
          <button type="button" class="board__button" onClick={() => startEditing(selected)} disabled={!selected || !EDITABLE_KINDS.has(selected.kind)} aria-keyshortcuts="Enter">
            {strings.editText}
          </button>
          <button type="button" class="board__button" onClick={removeSelected} disabled={selectedItems.length === 0} aria-keyshortcuts="Delete">
            {strings.remove}
          </button>
        </div>
        <div class="board__group" aria-label={strings.styleAndGroup}>
          <button type="button" class="board__button" onClick={groupSelected} disabled={selectedItems.length < 2} title={strings.groupHint}>
            {strings.group}
          </button>
          <button type="button" class="board__button" onClick={ungroupSelected} disabled={!selectedItems.some((item) => item.groupId)}>
            {strings.ungroup}
          </button>
          <button type="button" class="board__button board__button--icon" onClick={connectSelected} disabled={connectable.length !== 2} aria-label={strings.connect} title={strings.connectHint}>
            ⤳
          </button>
          <button type="button" class="board__button board__button--icon board__button--bold" onClick={() => styleSelected({ bold: true })} disabled={!selectedItems.some((item) => EDITABLE_KINDS.has(item.kind))} aria-label={strings.bold} title={strings.boldHint}>
            B
          </button>
          <button type="button" class="board__button board__button--icon" onClick={handleLinkClick} disabled={!selectedItems.some((item) => EDITABLE_KINDS.has(item.kind))} aria-label={strings.link} title={strings.linkHint}>
            🔗
          </button>
          <label class="board__colour" title={strings.colour}>
            <span class="board__visually-hidden">{strings.colour}</span>
            <select
              value=""
              disabled={!selectedItems.some((item) => item.kind === 'sticky' || item.kind === 'shape')}
              onChange={(event) => {
                const fill = event.currentTarget.value;
                if (fill) recolourSelected(fill);
              }}
            >
              <option value="">{strings.colourPick}</option>
              {RECOLOURS.map(([name, fill]) => (
                <option key={fill} value={fill}>
                  {strings.colours[name]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div class="board__group board__group--zoom">
          <button type="button" class="board__button board__button--icon" onClick={() => zoomBy(1 / ZOOM_STEP)} aria-label={strings.zoomOut} aria-keyshortcuts="-">
            −
          </button>
          <span class="board__zoom" aria-label={strings.zoomLevel}>
            {Math.round(view.scale * 100)} %
          </span>
          <button type="button" class="board__button board__button--icon" onClick={() => zoomBy(ZOOM_STEP)} aria-label={strings.zoomIn} aria-keyshortcuts="+">
            +
          </button>
          {/* An icon, named for screen readers and in its tooltip: the toolbar stays one row in every language at a laptop's width. */}
          <button type="button" class="board__button board__button--icon" onClick={() => fitTo(items)} disabled={items.length === 0} aria-keyshortcuts="0" aria-label={strings.fit} title={strings.fit}>
            ⤢
          </button>
        </div>
      </div>
      <div
        ref={canvasRef}
        class={`board__canvas board__canvas--${board.rules}`}
        style={canvasStyle}
        tabIndex={0}
        role="application"
        aria-roledescription="board"
        aria-label={strings.canvas(HOST_NAMES[board.rules])}
        aria-describedby="board-help board-selection"
        onPointerDown={handlePointerDown}
        onPointerMove={handlePointerMove}
        onPointerUp={handlePointerUp}
        onPointerCancel={handlePointerUp}
        onDblClick={handleDoubleClick}
        onKeyDown={handleCanvasKeyDown}
      >
        <svg class="board__svg" width={size.width} height={size.height}>
          <g transform={`matrix(${view.scale} 0 0 ${view.scale} ${-view.x * view.scale} ${-view.y * view.scale})`}>
            {drawing}
          </g>
        </svg>
        {items.length === 0 && <p class="board__empty">{strings.empty}</p>}
        {editing && editedItem && (
          <TextEditor
            item={editedItem}
            view={view}
            value={editing.value}
            editorRef={editorRef}
            label={strings.textOf(nameDrawableKind(editedItem, board.rules, locale))}
            onInput={(value) => setEditing({ id: editing.id, value })}
            onKeyDown={handleEditorKeyDown}
            onBlur={commitEditing}
          />
        )}
      </div>
      <div class="board__footer">
        <p id="board-selection" class="board__selection" aria-live="polite">
          {selected
            ? strings.selected(describeDrawableItem(selected, board.rules, locale))
            : selectedItems.length > 1
              ? strings.selectedCount(selectedItems.length)
              : strings.itemCount(itemCount)}
        </p>
        <p id="board-help" class="board__help">
          {strings.help}
        </p>
      </div>
    </section>
  );
}

interface TextEditorProps {
  item: DrawableItem;
  view: ViewTransform;
  value: string;
  label: string;
  editorRef: { current: HTMLTextAreaElement | null };
  onInput: (value: string) => void;
  onKeyDown: (event: KeyboardEvent) => void;
  onBlur: () => void;
}

/** A textarea laid over an item, in its colours and (at least readable) font size: how both hosts edit text in place. */
function TextEditor({ item, view, value, label, editorRef, onInput, onKeyDown, onBlur }: TextEditorProps) {
  const fontSize = Math.max(MIN_EDITOR_FONT_PX, layoutItemText({ ...item, text: item.text || 'M' }).fontSize * view.scale);
  const width = Math.max(MIN_EDITOR_SIZE_PX.width, item.width * view.scale);
  const height = Math.max(MIN_EDITOR_SIZE_PX.height, item.height * view.scale);
  const left = (item.x - view.x) * view.scale + (item.width * view.scale - width) / 2;
  const top = (item.y - view.y) * view.scale + (item.height * view.scale - height) / 2;
  return (
    <textarea
      ref={editorRef}
      class="board__editor"
      aria-label={label}
      value={value}
      style={{
        left: `${left}px`,
        top: `${top}px`,
        width: `${width}px`,
        height: `${height}px`,
        fontSize: `${fontSize}px`,
        fontFamily: BOARD_FONT_FAMILY,
        textAlign: item.align,
        background: item.kind === 'text' ? '#ffffff' : (item.fill ?? '#ffffff'),
        color: item.textColor,
      }}
      onInput={(event) => onInput(event.currentTarget.value)}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
      onPointerDown={(event) => event.stopPropagation()}
      onDblClick={(event) => event.stopPropagation()}
    />
  );
}
