/** The parts of the SPDX 2.3 JSON document that we write (see schema/spdx-2.3.schema.json for the whole). */
export interface SpdxChecksum {
  algorithm: 'MD5' | 'SHA1' | 'SHA256' | 'SHA384' | 'SHA512';
  checksumValue: string;
}

export interface SpdxExternalRef {
  referenceCategory: 'PACKAGE-MANAGER';
  referenceType: 'purl';
  referenceLocator: string;
}

export interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  downloadLocation: 'NOASSERTION';
  filesAnalyzed: false;
  licenseConcluded: 'NOASSERTION';
  licenseDeclared: string;
  copyrightText: 'NOASSERTION';
  checksums?: SpdxChecksum[];
  externalRefs?: SpdxExternalRef[];
  primaryPackagePurpose: 'APPLICATION' | 'LIBRARY';
}

export type SpdxRelationshipType = 'DESCRIBES' | 'DEPENDS_ON' | 'DEV_DEPENDENCY_OF';

export interface SpdxRelationship {
  spdxElementId: string;
  relationshipType: SpdxRelationshipType;
  relatedSpdxElement: string;
}

export interface SpdxExtractedLicense {
  licenseId: string;
  extractedText: string;
}

export interface SpdxDocument {
  spdxVersion: 'SPDX-2.3';
  dataLicense: 'CC0-1.0';
  SPDXID: 'SPDXRef-DOCUMENT';
  name: string;
  documentNamespace: string;
  creationInfo: { created: string; creators: string[] };
  packages: SpdxPackage[];
  relationships: SpdxRelationship[];
  hasExtractedLicensingInfos?: SpdxExtractedLicense[];
}
