// A whole lineage as groups (a box per schema or connection, one arrow per pair of groups), painted
// on a canvas: a 5,000-table warehouse reads as some 60 named, counted, coloured boxes. Drag to
// pan, wheel to zoom, click a group (or walk them with the arrow keys) to bring out its arrows.
import { useEffect, useLayoutEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { plural } from '@/lib/format';
import type { GraphModel } from '../model/build-graph';
import { GROUP_HEIGHT, GROUP_WIDTH, groupLayout } from '../model/group-layout';
import { groupLabel, groupLineage, pathsInGroups, type GroupBy } from '../model/groups';
import { centredOn, fitCamera, tableAt } from '../model/overview-camera';
import type { ColourBy, Emphasis } from '../nodes/emphasis';
import { paintGroups } from './paint-groups';
import { useCanvasStage } from './use-canvas-stage';

const GROUP_BOX = { width: GROUP_WIDTH, height: GROUP_HEIGHT };

interface Props {
  model: GraphModel;
  by: GroupBy;
  colourBy: ColourBy;
  /** The selected or hovered table's paths (tables and links), drawn as the groups and group links they cross. */
  emphasis: Pick<Emphasis, 'nodes' | 'edges'>;
  /** Centre on the group of this table (a search). */
  centerOn?: { key: string; n: number };
  onPainted?: () => void;
}

export function GroupedOverview({ model, by, colourBy, emphasis, centerOn, onPainted }: Props) {
  const grouping = useMemo(() => groupLineage(model, by, colourBy), [model, by, colourBy]);
  const paths = useMemo(() => pathsInGroups(model, grouping, emphasis), [model, grouping, emphasis]);
  const [aspect, setAspect] = useState<number>();
  const layout = useMemo(() => (aspect ? groupLayout(grouping, aspect) : undefined), [grouping, aspect]);
  // Groups in reading order (layer by layer, top to bottom): the arrow keys walk them.
  const order = useMemo(
    () => (layout ? [...layout.positions.entries()].sort((a, b) => a[1].x - b[1].x || a[1].y - b[1].y).map(([key]) => key) : []),
    [layout],
  );
  const [active, setActive] = useState<string>();
  const { host, canvas, getCamera, setCamera, schedule, events } = useCanvasStage(
    (context, camera, size) => {
      if (!layout) return;
      paintGroups(context, camera, { grouping, positions: layout.positions, active, paths }, size);
      onPainted?.();
    },
    { onClick: (x, y) => layout && setActive(tableAt(getCamera(), x, y, order, layout.positions, GROUP_BOX)) },
  );
  useLayoutEffect(() => {
    const element = host.current;
    if (element && element.clientHeight > 0) setAspect(element.clientWidth / element.clientHeight);
  }, [host]);
  const fit = () => {
    const element = host.current;
    const fitted = element && layout ? fitCamera(layout.positions, element.clientWidth, element.clientHeight, GROUP_BOX) : undefined;
    if (fitted) setCamera(fitted);
    schedule();
  };
  useEffect(fit, [layout]); // eslint-disable-line react-hooks/exhaustive-deps -- a new grouping is fitted whole
  useEffect(schedule, [active, paths, schedule]);
  // A found table: its group is centred and named.
  useEffect(() => {
    const group = centerOn ? grouping.groupOf.get(centerOn.key) : undefined;
    const p = group ? layout?.positions.get(group) : undefined;
    const element = host.current;
    if (!group || !p || !element) return;
    setActive(group);
    setCamera(centredOn(getCamera(), p, element.clientWidth, element.clientHeight, GROUP_BOX));
    schedule();
  }, [centerOn]); // eslint-disable-line react-hooks/exhaustive-deps -- once per search

  const onKeyDown = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' || event.key === 'ArrowDown' ? 1 : event.key === 'ArrowLeft' || event.key === 'ArrowUp' ? -1 : 0;
    if (event.key === 'Escape') return setActive(undefined);
    if (step === 0 || order.length === 0) return;
    event.preventDefault();
    const at = active ? order.indexOf(active) : -1;
    setActive(order[(at + step + order.length) % order.length]);
  };
  const failingGroups = [...grouping.groups.values()].filter((group) => group.failing > 0).length;
  const activeGroup = active ? grouping.groups.get(active) : undefined;
  const summary =
    `Lineage grouped by ${by}: ${plural(grouping.groups.size, 'group')} holding ${plural(model.nodes.size, 'table', undefined, { grouped: true })}, ` +
    `${failingGroups} with failing tables. Arrow keys walk the groups; the Flows tab lists every flow.`;
  return (
    <div ref={host} className="ls-overview ls-overview--grouped">
      <canvas ref={canvas} className="ls-overview__canvas" role="img" tabIndex={0} aria-label={summary} onKeyDown={onKeyDown} {...events} />
      <p className="ls-overview__status" role="status">
        {activeGroup ? `${groupLabel(activeGroup)}.` : ''}
      </p>
      <button type="button" className="ls-button ls-overview__fit" onClick={fit}>
        Fit
      </button>
    </div>
  );
}
