import { describeProviderImportCost } from '@strands-cli/test-servers/provider-import-cost';

describeProviderImportCost('@strands-cli/provider-bedrock', new URL('../dist/index.js', import.meta.url));
