namespace Spark.Reporting.Html;

/// <summary>The page's inline stylesheet and script: no network, no CDN, nothing to install.</summary>
internal static class PageAssets
{
    public const string Css = """
        :root { --fg: #1a202c; --muted: #5a6475; --line: #d8dde6; --bg: #ffffff; --soft: #f4f6f9; }
        * { box-sizing: border-box; }
        body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; color: var(--fg); background: var(--bg); }
        header { padding: 24px 32px 12px; border-bottom: 1px solid var(--line); background: var(--soft); }
        header h1 { margin: 0 0 6px; font-size: 24px; }
        header .meta { color: var(--muted); }
        nav { padding: 8px 32px; border-bottom: 1px solid var(--line); font-size: 14px; position: sticky; top: 0; background: var(--bg); z-index: 2; }
        nav a { margin-right: 16px; color: #2b6cb0; text-decoration: none; }
        main { padding: 8px 32px 48px; max-width: 1500px; }
        section { margin-top: 28px; }
        h2 { font-size: 20px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
        h3 { font-size: 16px; margin: 18px 0 6px; }
        pre { background: var(--soft); padding: 10px 12px; border-radius: 6px; overflow-x: auto; font-size: 13px; }
        .notes li { margin: 2px 0; }
        .claims li.holds b { color: #2ca02c; } .claims li.fails b { color: #d62728; }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 14px; }
        th, td { border: 1px solid var(--line); padding: 4px 10px; text-align: right; white-space: nowrap; }
        th { background: var(--soft); font-weight: 600; }
        td.name, th.name { text-align: left; }
        td.best { font-weight: 700; }
        .paper { display: block; color: var(--muted); font-size: 12px; }
        .caption { color: var(--muted); font-size: 13px; margin: 2px 0 14px; }
        figure { margin: 10px 0 22px; }
        figure img { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; }
        figcaption { color: var(--muted); font-size: 13px; }
        .empty { color: var(--muted); font-style: italic; }
        .tree-toolbar { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin-bottom: 6px; }
        .tree-toolbar select { max-width: 720px; font-size: 14px; }
        .tree-meta { color: var(--muted); font-size: 13px; }
        .tree-legend { display: flex; flex-wrap: wrap; gap: 14px; font-size: 13px; color: var(--muted); margin: 4px 0 8px; }
        .tree-legend i { display: inline-block; width: 12px; height: 12px; margin-right: 5px; vertical-align: -1px; border: 1px solid #333; }
        .tree-legend i.dot { border-radius: 50%; }
        .tree-legend i.dashed { border-style: dashed; background: #fff; }
        .tree-legend i.diamond { transform: rotate(45deg) scale(0.85); background: #fee08b; }
        .tree-body { display: flex; gap: 16px; align-items: flex-start; }
        .tree-canvas { flex: 1 1 auto; overflow: auto; max-height: 640px; border: 1px solid var(--line); border-radius: 6px; min-width: 0; }
        .tree-svg .edges line, .tree-svg .edges path { stroke: #9aa4b2; stroke-width: 1.5; fill: none; }
        .tree-svg .node { cursor: pointer; }
        .tree-svg .node circle, .tree-svg .node rect { stroke: #2d3748; stroke-width: 1; }
        .tree-svg .node.explore rect { stroke-width: 2; }
        .tree-svg .node:hover circle, .tree-svg .node:hover rect, .tree-svg .node:focus circle, .tree-svg .node:focus rect { stroke-width: 2.5; }
        .tree-svg .node.selected circle, .tree-svg .node.selected rect { stroke: #000; stroke-width: 3.5; }
        .tree-svg .node:focus { outline: none; }
        .tree-svg .leaf-label { font-size: 11px; fill: var(--muted); }
        .tree-svg .leaf-label.won { fill: #1a7f44; font-weight: 600; }
        .tree-panel { flex: 0 0 420px; max-height: 640px; overflow: auto; border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; background: var(--soft); font-size: 13px; }
        .tree-panel h3 { margin: 0 0 8px; }
        .tree-panel dt { font-weight: 600; margin-top: 8px; }
        .tree-panel dd { margin: 2px 0 0; white-space: pre-wrap; word-break: break-word; }
        #panel-action { font-family: ui-monospace, "DejaVu Sans Mono", monospace; }
        footer { color: var(--muted); font-size: 13px; padding: 16px 32px; border-top: 1px solid var(--line); }
        """;

    /// <summary>Shows a clicked (or Enter-pressed) tree node's details in the side panel, and switches tasks.</summary>
    public const string Script = """
        (() => {
          const dataElement = document.getElementById('tree-data');
          if (!dataElement) return;
          const tasks = JSON.parse(dataElement.textContent);
          const select = document.getElementById('tree-task');
          const panes = Array.from(document.querySelectorAll('.tree-pane'));
          const fields = ['action', 'flags', 'outcome', 'before', 'response', 'after', 'tokens'];
          let current = 0;
          const set = (id, text) => { document.getElementById('panel-' + id).textContent = text; };
          const unselect = () => panes.forEach(p => p.querySelectorAll('.selected').forEach(e => e.classList.remove('selected')));
          function clear() {
            document.getElementById('panel-title').textContent = 'Click a node';
            fields.forEach(id => set(id, ''));
            unselect();
          }
          function show(index) {
            current = index;
            panes.forEach((pane, i) => { pane.hidden = i !== index; });
            clear();
          }
          function pick(element) {
            const task = tasks[current];
            unselect();
            element.classList.add('selected');
            const key = element.dataset.node;
            if (key === 'task') {
              document.getElementById('panel-title').textContent = 'Task ' + task.id;
              set('action', 'goal: ' + task.goal);
              set('flags', task.taskType);
              set('outcome', task.won + ' of ' + task.leaves + ' leaves won, ' + task.branches + ' branch events');
              set('before', task.initial);
              ['response', 'after', 'tokens'].forEach(id => set(id, ''));
              return;
            }
            const node = task.nodes[key];
            const before = node.parent === null ? task.initial : task.nodes[String(node.parent)].observation;
            document.getElementById('panel-title').textContent = 'Step ' + node.step + ' · slot ' + node.slot + ' · node ' + key;
            set('action', node.action === '' ? '(no action parsed)' : node.action);
            set('flags', [node.explore ? '<explore> fired' : 'no <explore>', node.valid ? 'valid format' : 'invalid format',
              node.accepted ? 'action accepted' : 'action not accepted', node.done ? 'episode ended here' : ''].filter(Boolean).join(' · '));
            const leaf = node.leaf ? 'this step ends a leaf: ' + (node.leaf.won ? 'won' : node.leaf.truncated ? 'truncated' : 'lost') +
              ', reward ' + node.leaf.reward + '. ' : '';
            set('outcome', leaf + node.wonBelow + ' of ' + node.leavesBelow + ' leaves below won, mean reward ' + node.meanReward);
            set('before', before);
            set('response', node.response);
            set('after', node.observation);
            set('tokens', node.promptTokens + ' prompt, ' + node.responseTokens + ' response');
          }
          if (select) select.addEventListener('change', () => show(Number(select.value)));
          panes.forEach(pane => {
            pane.addEventListener('click', e => { const g = e.target.closest('[data-node]'); if (g) pick(g); });
            pane.addEventListener('keydown', e => {
              const g = e.target.closest('[data-node]');
              if (g && (e.key === 'Enter' || e.key === ' ')) { e.preventDefault(); pick(g); }
            });
          });
        })();
        """;
}
