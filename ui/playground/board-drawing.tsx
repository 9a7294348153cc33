import type { JSX } from 'preact';
import type { DrawableItem, DrawableKind } from '../../src/simulator/drawable-item';
import type { BoardRules } from '../../src/simulator/simulated-board';
import type { Locale } from '../strings';
import { describeDrawableItem, nameDrawableKind } from './describe-drawable-item';
import { layoutItemText } from './layout-item-text';
import { splitRichLines } from './split-rich-line';
import { BOARD_FONT_FAMILY, BOARD_LINE_HEIGHT } from './wrap-board-text';

/** How the drawing shows what a person is doing: the selection, a drag in progress, the item being edited. */
export interface DrawingState {
  selectedIds: ReadonlySet<string>;
  drag: { id: string; dx: number; dy: number } | undefined;
  editingId: string | undefined;
  /** Board-to-screen scale: frame titles and outlines keep their screen size. */
  scale: number;
  rules: BoardRules;
  /** The language items are named in. */
  locale: Locale;
}

// Frame titles are drawn at a constant screen size above the frame, as both hosts do.
const FRAME_TITLE_PX = 13;
const SELECTION_COLOR = '#4262ff';
// Links read as links on both hosts: blue and underlined.
const LINK_COLOR = '#1a5fd0';
// Miro and FigJam draw stickies with a soft shadow below.
const STICKY_SHADOW = { dx: 0, dy: 4, opacity: 0.12 };

function ItemText({ item, weight }: { item: DrawableItem; weight: number }) {
  if (!item.text) return null;
  const { fontSize, lines, top, x, anchor } = layoutItemText(item);
  const lineHeight = fontSize * BOARD_LINE_HEIGHT;
  // The baseline sits about 0.95 em below the top of a 1.3 em line.
  const baseline = top + fontSize * 0.95;
  // A person's bold, italics and links show as the host shows them.
  const pieces = splitRichLines(
    lines.map((line) => line.text),
    item.rich,
  );
  return (
    <text font-size={fontSize} font-weight={weight} fill={item.textColor} text-anchor={anchor}>
      {lines.map((line, index) => (
        <tspan key={index} x={x} y={baseline + index * lineHeight} font-weight={line.bold ? 700 : undefined}>
          {(pieces[index] ?? []).map((piece, at) =>
            piece.bold || piece.italic || piece.underline || piece.strike || piece.link ? (
              <tspan
                key={at}
                font-weight={piece.bold ? 700 : undefined}
                font-style={piece.italic ? 'italic' : undefined}
                text-decoration={[piece.underline || piece.link ? 'underline' : '', piece.strike ? 'line-through' : ''].filter(Boolean).join(' ') || undefined}
                fill={piece.link ? LINK_COLOR : undefined}
              >
                {piece.text}
              </tspan>
            ) : (
              piece.text
            ),
          )}
        </tspan>
      ))}
    </text>
  );
}

type Drawer = (item: DrawableItem, state: DrawingState) => JSX.Element | null;

/** How each kind of item is drawn: one table for every host. */
const DRAWERS: Record<DrawableKind, Drawer> = {
  image: (item) => <image href={item.src} x={item.x} y={item.y} width={item.width} height={item.height} preserveAspectRatio="none" />,
  frame: (item) => <rect x={item.x} y={item.y} width={item.width} height={item.height} rx={item.cornerRadius} fill={item.fill ?? '#ffffff'} stroke={item.stroke ?? '#d9d9d9'} stroke-width={item.strokeWidth} />,
  sticky: (item, state) => (
    <>
      <rect x={item.x + STICKY_SHADOW.dx} y={item.y + STICKY_SHADOW.dy} width={item.width} height={item.height} rx={item.cornerRadius} fill="#000" opacity={STICKY_SHADOW.opacity} />
      <rect x={item.x} y={item.y} width={item.width} height={item.height} rx={item.cornerRadius} fill={item.fill ?? '#fff9b1'} />
      {state.editingId !== item.id && <ItemText item={item} weight={500} />}
    </>
  ),
  shape: (item, state) => (
    <>
      <rect x={item.x} y={item.y} width={item.width} height={item.height} rx={item.cornerRadius} fill={item.fill ?? 'none'} stroke={item.stroke ?? 'none'} stroke-width={item.strokeWidth} />
      {state.editingId !== item.id && <ItemText item={item} weight={400} />}
    </>
  ),
  ellipse: (item) => (
    <>
      <ellipse
        cx={item.x + item.width / 2}
        cy={item.y + item.height / 2}
        rx={Math.max(0, item.width / 2 - item.strokeWidth / 2)}
        ry={Math.max(0, item.height / 2 - item.strokeWidth / 2)}
        fill={item.fill ?? 'none'}
        stroke={item.stroke ?? 'none'}
        stroke-width={item.strokeWidth}
      />
      {item.text && (
        <text x={item.x + item.width / 2} y={item.y + item.height / 2 + item.fontSize * 0.36} font-size={item.fontSize} text-anchor="middle">
          {item.text}
        </text>
      )}
    </>
  ),
  text: (item, state) => (state.editingId === item.id ? null : <ItemText item={item} weight={400} />),
  line: (item) => (
    <path d={item.path} transform={`translate(${item.x} ${item.y})`} fill="none" stroke={item.stroke ?? '#1a1a1a'} stroke-width={item.strokeWidth} stroke-linecap="round" stroke-linejoin="round" />
  ),
};

// About how wide a character of the title font is, in ems.
const TITLE_CHAR_EM = 0.6;

/**
 * A frame's or section's name over its top-left corner. As on both hosts, a
 * name longer than its frame is wide is cut short with "…" (the whole name
 * stays in the item's label), so slides side by side do not run into each other.
 */
function FrameTitle({ item, state }: { item: DrawableItem; state: DrawingState }) {
  const fontSize = FRAME_TITLE_PX / state.scale;
  const title = item.text || nameDrawableKind(item, state.rules, state.locale);
  const fits = Math.max(1, Math.floor(item.width / (fontSize * TITLE_CHAR_EM)));
  const shown = title.length > fits ? `${title.slice(0, Math.max(1, fits - 1)).trimEnd()}…` : title;
  return (
    <g data-item-id={item.id} role="img" aria-label={describeDrawableItem(item, state.rules, state.locale)} class="board-item board-item--frame-title">
      <svg x={item.x} y={item.y - fontSize * 1.6} width={item.width} height={fontSize * 1.6} overflow="hidden">
        <text x={0} y={fontSize} font-size={fontSize} font-weight={600} fill="#3f3f46">
          {shown}
        </text>
      </svg>
    </g>
  );
}

function SelectionOutline({ item, drag }: { item: DrawableItem; drag: DrawingState['drag'] }) {
  const offset = drag?.id === item.id ? drag : { dx: 0, dy: 0 };
  return (
    <rect
      x={item.x + offset.dx}
      y={item.y + offset.dy}
      width={item.width}
      height={item.height}
      fill="none"
      stroke={SELECTION_COLOR}
      stroke-width={2}
      vector-effect="non-scaling-stroke"
      pointer-events="none"
    />
  );
}

/**
 * Draws a list of board items, back to front, in board units: frames and
 * sections with their titles, stickies with their colours and wrapped text,
 * shapes, texts, lines and emotion points; then the selection outline.
 * Each item but lines is an image named after its kind and text.
 */
export function BoardDrawing({ items, state }: { items: readonly DrawableItem[]; state: DrawingState }) {
  const selected = items.filter((item) => state.selectedIds.has(item.id));
  return (
    <g font-family={BOARD_FONT_FAMILY}>
      {items.map((item) => {
        const drawing = DRAWERS[item.kind](item, state);
        const moved = state.drag?.id === item.id ? `translate(${state.drag.dx} ${state.drag.dy})` : undefined;
        if (item.kind === 'line') {
          // A line is picked by a band along its stroke, wider than it looks, so a person can select a connector and delete it.
          return (
            <g key={item.id} data-item-id={item.id} data-line-id={item.id} role="img" aria-label={describeDrawableItem(item, state.rules, state.locale)} class="board-item board-item--line">
              <g pointer-events="none">{drawing}</g>
              <path d={item.path} transform={`translate(${item.x} ${item.y})`} fill="none" stroke="transparent" stroke-width={LINE_HIT_PX / state.scale} pointer-events="stroke" />
            </g>
          );
        }
        if (item.kind === 'frame') {
          return (
            <g key={item.id}>
              <g aria-hidden="true">{drawing}</g>
              <FrameTitle item={item} state={state} />
            </g>
          );
        }
        return (
          <g key={item.id} data-item-id={item.id} role="img" aria-label={describeDrawableItem(item, state.rules, state.locale)} class={`board-item board-item--${item.kind}`} transform={moved}>
            {drawing}
          </g>
        );
      })}
      <GroupOutlines items={items} scale={state.scale} />
      {selected.map((item) => (
        <SelectionOutline key={`selected-${item.id}`} item={item} drag={state.drag} />
      ))}
    </g>
  );
}

// How far from a line, in screen pixels, a click still picks it.
const LINE_HIT_PX = 6;

// Padding around a group's members, in screen pixels, as the hosts draw a group's bounds.
const GROUP_PADDING_PX = 6;

/** A dashed outline around the members of each group people made. */
function GroupOutlines({ items, scale }: { items: readonly DrawableItem[]; scale: number }) {
  const groups = new Map<string, { x0: number; y0: number; x1: number; y1: number }>();
  for (const item of items) {
    if (!item.groupId) continue;
    const box = groups.get(item.groupId);
    groups.set(item.groupId, {
      x0: Math.min(box?.x0 ?? item.x, item.x),
      y0: Math.min(box?.y0 ?? item.y, item.y),
      x1: Math.max(box?.x1 ?? item.x + item.width, item.x + item.width),
      y1: Math.max(box?.y1 ?? item.y + item.height, item.y + item.height),
    });
  }
  const pad = GROUP_PADDING_PX / scale;
  return (
    <g aria-hidden="true" pointer-events="none">
      {[...groups].map(([id, box]) => (
        <rect key={id} x={box.x0 - pad} y={box.y0 - pad} width={box.x1 - box.x0 + 2 * pad} height={box.y1 - box.y0 + 2 * pad} fill="none" stroke="#8a8a99" stroke-width={1.5 / scale} stroke-dasharray={`${6 / scale} ${4 / scale}`} />
      ))}
    </g>
  );
}
