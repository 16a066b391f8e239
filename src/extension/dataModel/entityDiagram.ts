import * as vscode from 'vscode';
import { renderEntitySvg } from '../../core/render/entitySvg';
import type { WorkspaceResults } from '../results';
import { showSvgPanel } from '../diagrams/svgPanel';
import type { AnalysisNode } from '../views/sections';

/** The entity-relationship diagram of a folder's data model, or of one entity and its neighbours (from the view's context menu). */
export function showEntityDiagram(results: WorkspaceResults, node?: AnalysisNode): void {
  const result = results.of(node?.entity?.root);
  if (!result?.dataModel.entities.length) {
    void vscode.window.showInformationMessage(vscode.l10n.t('ArchTrace: no entities found yet (models, SQL schema files or migrations). Classify the workspace first.'));
    return;
  }
  const focus = node?.entity?.name;
  const title = focus ? vscode.l10n.t('Entities: {0}', focus) : vscode.l10n.t('Entities');
  showSvgPanel('archtrace.entityDiagram', title, renderEntitySvg(result.dataModel, focus));
}
