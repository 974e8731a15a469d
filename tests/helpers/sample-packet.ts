/** The sample's packet for the export specs (test code, not in $lib). */
import type { PacketSnapshot } from '$lib/packet';
import { assemble, getProposal, listProposals } from '$lib/server/proposals';
import { sampleDb } from './sample';

/**
 * The packet of Bình Trưng's first sample proposal, assembled from its draft on a fresh sample
 * database (the real seed through assemble), with the ward's id.
 */
export function samplePacketSnapshot(): { snap: PacketSnapshot; wardId: number } {
	const { db, bt } = sampleDb();
	const proposal = listProposals(db, bt)[0];
	const snap = assemble(db, bt, getProposal(db, bt, proposal.id)!.state.draft);
	return { snap, wardId: bt };
}
