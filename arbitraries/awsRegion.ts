import { constantFrom, type Arbitrary } from 'fast-check';
import type { AwsPartition } from '../src/_internals/aws.js';

/** Region codes by partition (a representative, real set; not every region AWS runs). */
const REGIONS: Record<AwsPartition, readonly string[]> = {
  aws: [
    'us-east-1',
    'us-east-2',
    'us-west-1',
    'us-west-2',
    'ca-central-1',
    'sa-east-1',
    'eu-west-1',
    'eu-west-2',
    'eu-west-3',
    'eu-central-1',
    'eu-central-2',
    'eu-north-1',
    'eu-south-1',
    'ap-northeast-1',
    'ap-northeast-2',
    'ap-northeast-3',
    'ap-southeast-1',
    'ap-southeast-2',
    'ap-southeast-5',
    'ap-south-1',
    'me-south-1',
    'il-central-1',
    'af-south-1',
    'mx-central-1',
  ],
  'aws-cn': ['cn-north-1', 'cn-northwest-1'],
  'aws-us-gov': ['us-gov-west-1', 'us-gov-east-1'],
};

/** Constraints of {@link awsRegion}. */
export interface AwsRegionConstraints {
  /**
   * Partitions whose regions may be generated.
   * @defaultValue `['aws']`
   */
  partitions?: readonly AwsPartition[];
}

/**
 * AWS region codes such as `us-east-1` or `eu-central-1`.
 * @example awsRegion({ partitions: ['aws', 'aws-cn'] })
 */
// @__NO_SIDE_EFFECTS__
export function awsRegion(constraints: AwsRegionConstraints = {}): Arbitrary<string> {
  const partitions = constraints.partitions ?? ['aws'];
  const regions: string[] = [];
  for (const partition of partitions) {
    const list = REGIONS[partition];
    if (list === undefined)
      throw new TypeError(
        `awsRegion: partitions holds ${JSON.stringify(partition)}, which is not "aws", "aws-cn" or "aws-us-gov"`,
      );
    regions.push(...list);
  }
  if (regions.length === 0) throw new TypeError('awsRegion: partitions must name at least one partition');
  return constantFrom(...regions);
}
