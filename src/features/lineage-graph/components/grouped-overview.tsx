// A whole lineage as groups (a box per schema or connection, one arrow per pair of groups), painted
// on a canvas: a 5,000-table warehouse reads as some 60 named, counted, coloured boxes. The focus
// table's group starts open with the tables nearest the focus; any group opens and closes in place
// (click, Enter or Space, "Open all in <connection>", or zooming in on it). Drag to pan, wheel to
// zoom, arrow keys to walk the groups and the open groups' tables; the pointer on a table highlights
// its paths, as in the React Flow view.
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MutableRefObject } from 'react';
import { plural } from '@/lib/format';
import { SEVERITY_STYLE } from '@/lib/severity';
import type { GraphModel } from '../model/build-graph';
import type { LinkDiff } from '../model/draft';
import { GROUP_HEIGHT, GROUP_WIDTH, OPEN_HEADER, type Size } from '../model/group-layout';
import { linksOnPath, OPEN_GROUP_TABLES } from '../model/group-view';
import { GROUP_UNIT } from '../model/auto-group';
import { groupLabel, groupLineage, pathsInGroups, type GroupBy } from '../model/groups';
import type { Point } from '../model/layout';
import { centredOn, fitCamera, type Camera } from '../model/overview-camera';
import { nodeSeverity } from '../model/view-model';
import type { ColourBy, Emphasis } from '../nodes/emphasis';
import { endpointBox, paintGroups, type GroupedPicture } from './paint-groups';
import { useCanvasStage } from './use-canvas-stage';
import { useGroupScene } from './use-group-scene';

/** Group names are 30 px: at this zoom they are 11 px on screen, the least the first camera shows. */
const READABLE_GROUPS = 11 / 30;
/** Zooming in past this over a closed group opens it (its tables' names are 15 px: 12 px here)… */
const OPEN_ON_ZOOM = 0.8;
/** …and zooming out below this closes the groups that zooming opened. */
const CLOSE_ON_ZOOM = 0.45;

interface Props {
  model: GraphModel;
  by: GroupBy;
  colourBy: ColourBy;
  /** The selected or hovered table's paths (tables and links), drawn across the groups. */
  emphasis: Pick<Emphasis, 'nodes' | 'edges' | 'selected'>;
  /** Staged draft changes by edge key. */
  diffs?: ReadonlyMap<string, { diff: LinkDiff }>;
  /** Show this table (a search): its group opens and the camera centres on it. */
  centerOn?: { key: string; n: number };
  onSelect: (key: string | undefined) => void;
  /** The table under the pointer (its paths are highlighted), or none. */
  onHover?: (key: string | undefined) => void;
  /** Holds the picture as last painted (for an export). */
  pictureRef?: MutableRefObject<GroupedPicture | undefined>;
}

export function GroupedOverview({ model, by, colourBy, emphasis, diffs, centerOn, onSelect, onHover, pictureRef }: Props) {
  const grouping = useMemo(() => groupLineage(model, by, colourBy), [model, by, colourBy]);
  const focusGroup = grouping.groupOf.get(model.rootKey) ?? '';
  const [open, setOpen] = useState<ReadonlyMap<string, number>>(() => new Map([[focusGroup, OPEN_GROUP_TABLES]]));
  const zoomOpened = useRef(new Set<string>());
  const [search, setSearch] = useState<{ key: string; n: number }>();
  const [active, setActive] = useState<string>();
  const searchedGroup = centerOn ? grouping.groupOf.get(centerOn.key) : undefined;
  if (centerOn && centerOn.n !== search?.n && searchedGroup) {
    // A new search, handled while rendering (not in an effect): one render with the group open.
    setSearch(centerOn);
    setActive(centerOn.key);
    if (!open.has(searchedGroup)) setOpen(new Map(open).set(searchedGroup, OPEN_GROUP_TABLES));
  }
  const pinned = useMemo(() => new Set([emphasis.selected, search?.key].filter((key): key is string => key !== undefined)), [emphasis.selected, search]);
  const [aspect, setAspect] = useState<number>();
  const { view, base, placed, order, drafts } = useGroupScene(model, grouping, open, pinned, aspect, diffs);
  const paths = useMemo(() => {
    const inGroups = pathsInGroups(model, grouping, emphasis);
    return inGroups && { groups: inGroups.groups, links: linksOnPath(view.links, emphasis.edges), tables: emphasis.nodes ?? new Set<string>() };
  }, [model, grouping, view, emphasis]);
  const statusOf = (key: string) => nodeSeverity(model, key, colourBy);

  /** The card or group under a point of the canvas. */
  const hit = (camera: Camera, px: number, py: number): { key: string; header: boolean } | undefined => {
    if (!placed) return undefined;
    const gx = (px - camera.x) / camera.k;
    const gy = (py - camera.y) / camera.k;
    const inside = (b: Point & Size) => gx >= b.x && gx <= b.x + b.width && gy >= b.y && gy <= b.y + b.height;
    for (const key of placed.cards.keys()) if (inside(endpointBox(placed, key) as Point & Size)) return { key, header: false };
    for (const [key, p] of placed.positions) {
      const box = endpointBox(placed, key) as Point & Size;
      if (inside(box)) return { key, header: gy <= p.y + (placed.sizes.has(key) ? OPEN_HEADER : GROUP_HEIGHT) };
    }
    return undefined;
  };
  const toggle = (groups: string[], to: boolean) =>
    setOpen((current) => {
      const next = new Map(current);
      for (const group of groups) {
        if (to) next.set(group, next.get(group) ?? OPEN_GROUP_TABLES);
        else next.delete(group);
        zoomOpened.current.delete(group);
      }
      return next;
    });

  const { host, canvas, getCamera, setCamera, schedule, events } = useCanvasStage(
    (context, camera, size) => {
      if (!placed) return;
      const scene = { model, grouping, view, ...placed, statusOf, active, selected: emphasis.selected, paths, drafts };
      paintGroups(context, camera, scene, size);
      if (pictureRef) pictureRef.current = { scene, width: placed.width, height: placed.height };
    },
    {
      onClick: (x, y) => {
        const at = hit(getCamera(), x, y);
        setActive(at?.key);
        if (!at) return onSelect(undefined);
        if (model.nodes.has(at.key)) return onSelect(at.key);
        if (!open.has(at.key)) toggle([at.key], true);
        else if (at.header) toggle([at.key], false);
      },
      onHover: (x, y) => {
        const at = hit(getCamera(), x, y);
        onHover?.(at && model.nodes.has(at.key) ? at.key : undefined);
      },
      onZoom: (x, y) => {
        const camera = getCamera();
        if (camera.k >= OPEN_ON_ZOOM) {
          const at = hit(camera, x, y);
          if (at && grouping.groups.has(at.key) && !open.has(at.key)) {
            zoomOpened.current.add(at.key);
            setOpen((current) => new Map(current).set(at.key, OPEN_GROUP_TABLES));
          }
        } else if (camera.k < CLOSE_ON_ZOOM && zoomOpened.current.size > 0) {
          const closing = [...zoomOpened.current];
          setOpen((current) => new Map([...current].filter(([group]) => !closing.includes(group))));
          zoomOpened.current.clear();
        }
      },
    },
  );
  useLayoutEffect(() => {
    const element = host.current;
    if (element && element.clientHeight > 0) setAspect(element.clientWidth / element.clientHeight);
  }, [host]);

  /** The camera that frames the whole picture (it spans 0,0 to width,height), centred. */
  const whole = () => {
    const element = host.current;
    return element && placed ? fitCamera(new Map([['all', { x: 0, y: 0 }]]), element.clientWidth, element.clientHeight, placed) : undefined;
  };
  const fit = () => {
    const fitted = whole();
    if (fitted) setCamera(fitted);
    schedule();
  };
  // A new grouping: the whole picture if its group names can be read, else readable around the focus's group.
  useEffect(() => {
    const element = host.current;
    if (!element || !placed) return;
    const all = whole();
    const corner = placed.positions.get(focusGroup);
    if (all && (all.k >= READABLE_GROUPS || !corner)) setCamera(all);
    else if (corner) {
      const size = placed.sizes.get(focusGroup) ?? { width: GROUP_WIDTH, height: GROUP_HEIGHT };
      setCamera(centredOn({ x: 0, y: 0, k: READABLE_GROUPS }, corner, element.clientWidth, element.clientHeight, size, READABLE_GROUPS));
    }
    schedule();
  }, [base]); // eslint-disable-line react-hooks/exhaustive-deps -- once per grouping; opening a group keeps the camera
  useEffect(schedule, [active, paths, placed, drafts, schedule]);

  // A found table (searches are numbered): its group opens, the table is drawn (pinned), named,
  // and centred once it has its place.
  const centred = useRef<number | undefined>(undefined);
  useEffect(() => {
    const p = search ? placed?.cards.get(search.key) : undefined;
    const element = host.current;
    if (!search || centred.current === search.n || !p || !element || !placed) return;
    centred.current = search.n;
    setCamera(centredOn(getCamera(), p, element.clientWidth, element.clientHeight, endpointBox(placed, search.key) as Size, OPEN_ON_ZOOM));
    schedule();
  }, [search, placed]); // eslint-disable-line react-hooks/exhaustive-deps -- the camera functions are stable

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') return setActive(undefined);
    if ((event.key === 'Enter' || event.key === ' ') && active) {
      event.preventDefault();
      if (model.nodes.has(active)) onSelect(active);
      else toggle([active], !open.has(active));
      return;
    }
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (step === 0 || order.length === 0) return;
    event.preventDefault();
    const at = active ? order.indexOf(active) : -1;
    setActive(order[(at + step + order.length) % order.length]);
  };

  const failingGroups = [...grouping.groups.values()].filter((group) => group.failing > 0).length;
  const activeGroup = active ? grouping.groups.get(active) : undefined;
  const activeTable = active ? model.nodes.get(active) : undefined;
  const siblings = activeGroup?.schema !== undefined ? [...grouping.groups.values()].filter((g) => g.connection === activeGroup.connection).map((g) => g.key) : [];
  const allOpen = siblings.length > 0 && siblings.every((key) => open.has(key));
  const more = activeGroup ? (view.more.get(activeGroup.key) ?? 0) : 0;
  const summary =
    `Lineage grouped by ${GROUP_UNIT[by]}: ${plural(grouping.groups.size, 'group')} holding ${plural(model.nodes.size, 'table', undefined, { grouped: true })}, ` +
    `${failingGroups} with failing tables; ${plural(open.size, 'group')} open.` +
    (paths ? ` Highlighted: ${plural(paths.tables.size, 'table')} in ${plural(paths.groups.size, 'group')}.` : '') +
    ' Arrow keys walk the groups and their tables, Enter opens or closes a group; the Flows tab lists every flow.';
  return (
    <div ref={host} className="ls-overview ls-overview--grouped">
      <canvas ref={canvas} className="ls-overview__canvas" role="img" tabIndex={0} aria-label={summary} onKeyDown={onKeyDown} {...events} />
      <div className="ls-overview__bar">
        <button type="button" className="ls-button" onClick={fit}>
          Fit
        </button>
        <p className="ls-overview__status" role="status">
          {activeGroup
            ? `${groupLabel(activeGroup)}${open.has(activeGroup.key) ? ', open' : ''}.`
            : activeTable
              ? `${activeTable.ref.table} in ${activeTable.ref.schema} (${activeTable.ref.connection}): ${SEVERITY_STYLE[statusOf(activeTable.key)].label}. Enter shows its details.`
              : ''}
        </p>
        {activeGroup ? (
          <>
            <button type="button" className="ls-button" onClick={() => toggle([activeGroup.key], !open.has(activeGroup.key))}>
              {open.has(activeGroup.key) ? 'Close' : 'Open'} {activeGroup.label}
            </button>
            {open.has(activeGroup.key) && more > 0 ? (
              <button type="button" className="ls-button" onClick={() => setOpen((current) => new Map(current).set(activeGroup.key, (current.get(activeGroup.key) ?? 0) + 2 * OPEN_GROUP_TABLES))}>
                Show {Math.min(more, 2 * OPEN_GROUP_TABLES)} more
              </button>
            ) : null}
            {siblings.length > 1 ? (
              <button type="button" className="ls-button" onClick={() => toggle(siblings, !allOpen)}>
                {allOpen ? `Close all in ${activeGroup.connection}` : `Open all ${siblings.length} in ${activeGroup.connection}`}
              </button>
            ) : null}
          </>
        ) : null}
      </div>
    </div>
  );
}
