// One graph item (pod, Service, Ingress, kube-proxy, the outside world). Memoized and defined at
// module level (React Flow's performance rules); it reads only its own selection flag.
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEngineText, useStrings, useView } from '../../state/hooks.ts';
import { select } from '../../state/view.ts';
import { KindIcon } from '../kit/KindIcon.tsx';
import { itemLabel } from './item-text.ts';
import type { ItemNode } from './to-flow.ts';

export const ItemNodeView = memo(function ItemNodeView({ id, data }: NodeProps<ItemNode>) {
  const en = useStrings();
  const tr = useEngineText();
  const selected = useView((s) => s.selected === id);
  const onPath = useView((s) => s.highlight.includes(id));
  const { item, colour, on } = data;
  return (
    <>
      <Handle type="target" position={Position.Left} isConnectable={false} className="handle" />
      <button
        type="button"
        className={`item ${item.kind} ${item.status}${selected ? ' selected' : ''}${onPath ? ' on-path' : ''}`}
        aria-pressed={selected}
        onClick={() => select(id)}
      >
        <span className="item-name">
          <KindIcon kind={item.kind} />
          <span className="text">{itemLabel(item, tr)}</span>
        </span>
        <span className="item-detail">{tr(item.detail)}</span>
        <span className="item-tags">
          <span className="kind">{en.kinds[item.kind]}</span>
          {item.namespace !== undefined && <span className={`ns ns-${colour}`}>{item.namespace}</span>}
          {item.badges.map((b) => (
            <span key={b} className={`badge${b.endsWith('not ready') ? ' warn' : ''}`}>
              {tr(b)}
            </span>
          ))}
        </span>
        {on !== undefined && <span className="visually-hidden">{`${en.onNode} ${on}`}</span>}
      </button>
      <Handle type="source" position={Position.Right} isConnectable={false} className="handle" />
    </>
  );
});
