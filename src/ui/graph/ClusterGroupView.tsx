// A cluster node drawn as a frame holding its pods and kube-proxy (React Flow group parent).
import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { useEngineText, useStrings, useView } from '../../state/hooks.ts';
import { select } from '../../state/view.ts';
import { KindIcon } from '../kit/KindIcon.tsx';
import { itemLabel } from './item-text.ts';
import type { GroupNode } from './to-flow.ts';

export const ClusterGroupView = memo(function ClusterGroupView({ id, data }: NodeProps<GroupNode>) {
  const en = useStrings();
  const tr = useEngineText();
  const selected = useView((s) => s.selected === id);
  const { item } = data;
  return (
    <div className={`cluster-group ${item.status}${selected ? ' selected' : ''}`}>
      <button type="button" className="group-head" aria-pressed={selected} onClick={() => select(id)}>
        <KindIcon kind="cluster-node" />
        <span className="kind">{en.kinds['cluster-node']}</span>
        <span className="name">{itemLabel(item, tr)}</span>
        <span className="detail">{tr(item.detail)}</span>
      </button>
    </div>
  );
});
