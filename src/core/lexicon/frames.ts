/**
 * Frames: the angles from which news tells a story, each recognised by cue lemmas. The set follows the generic
 * frames of the Policy Frames Codebook (Boydstun, Card, Gross, Resnik and Smith, 2014: economic, legality,
 * security and defence, health and safety, quality of life, political, public opinion…) and Semetko and
 * Valkenburg's news frames (2000: conflict, human interest, economic consequences, responsibility), narrowed to
 * the ones that separate coverage of one event. Cue lists are this project's own.
 */
export interface Frame {
  readonly id: string;
  /** How a report names it: "spends 40% of its words on <label>". */
  readonly label: string;
  readonly cues: ReadonlySet<string>;
}

function frame(id: string, label: string, cues: string): Frame {
  return { id, label, cues: new Set(cues.trim().split(/\s+/)) };
}

export const FRAMES: readonly Frame[] = [
  frame(
    'human-toll',
    'civilian harm and the humanitarian toll',
    `civilian civilians casualty humanitarian displacement displace displaced refugee wounded injured injury victim
     hospital famine starvation hunger shelter homeless evacuate evacuation evacuee suffering suffer non-combatant
     noncombatant orphan grieve grief mourn mourning aid relief toll bereaved trauma destitute plight`,
  ),
  frame(
    'military',
    'military action and security',
    `military army troop soldier airstrike strike bombing bomb missile drone rocket artillery shelling offensive
     raid incursion retaliation retaliate retaliatory combat weapon warplane jet fighter militant
     insurgent insurgency battle clash skirmish frontline ceasefire armed`,
  ),
  frame(
    'diplomacy',
    'diplomacy and negotiation',
    `diplomacy diplomatic diplomat dialogue negotiation negotiate talk talks mediate mediation mediator envoy
     ambassador summit agreement accord treaty deal de-escalation restraint reconciliation bilateral multilateral
     alliance`,
  ),
  frame(
    'legality',
    'law, rights and sovereignty',
    `law legal illegal unlawful lawful legality legitimacy legitimate sovereignty sovereign violation violate
     charter court tribunal judge ruling jurisdiction right rights justice accountability convention crime crimes
     prosecution prosecute constitution constitutional breach`,
  ),
  frame(
    'politics',
    'domestic politics',
    `election elect vote voter campaign party parliament parliamentary congress senate lawmaker legislator
     opposition coalition politician political politics poll polling approval administration cabinet`,
  ),
  frame(
    'economy',
    'the economy and costs',
    `economy economic trade market price cost costs investment investor business job jobs unemployment inflation
     budget tax tariff export import sanction sanctions revenue fund funding spending debt growth recession
     currency bank financial finance`,
  ),
  frame(
    'crime',
    'crime, police and courts',
    `police officer arrest arrested suspect charge charged investigation investigator detective shooting shooter
     gunman gun gunfire homicide murder manslaughter robbery burglary custody jail prison sentence sentenced
     prosecutor trial verdict warrant sheriff`,
  ),
  frame(
    'health',
    'health and medicine',
    `health disease illness patient doctor nurse medical medicine vaccine vaccination outbreak epidemic pandemic
     virus infection treatment clinic symptom diagnosis`,
  ),
  frame(
    'human-interest',
    'people, families and communities',
    `family families mother father son daughter wife husband child children parent friend neighbor neighbour
     community resident residents vigil funeral memorial tribute remember loved`,
  ),
];
