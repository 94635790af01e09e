package io.jenkins.plugins.dsomm.evidence;

/**
 * What a report shows was done. A report can yield several kinds (a Trivy image scan with secret scanning is
 * CONTAINER and SECRETS).
 */
public enum EvidenceKind {
    /** Static application security testing. */
    SAST,
    /** Software composition analysis: known vulnerabilities in dependencies. */
    SCA,
    /** Dynamic application security testing. */
    DAST,
    /** A software bill of materials. */
    SBOM,
    /** Secret scanning. */
    SECRETS,
    /** Infrastructure-as-code and configuration scanning (Dockerfile, Terraform, Kubernetes, Helm...). */
    IAC,
    /** Container image scanning. */
    CONTAINER,
    /** Licence compliance. */
    LICENSE,
    /** Test results (JUnit XML). */
    TEST,
    /** Style and lint checks (Checkstyle, PMD, ESLint style rules). Used by the extended rule set. */
    LINT,
    /** Copy-paste detection (PMD CPD). Used by the extended rule set. */
    DUPLICATION,
    /** Signatures or build provenance (in-toto, SLSA, cosign). Used by the extended rule set. */
    PROVENANCE,
    /** API specification linting (Spectral on OpenAPI/AsyncAPI). Used by the extended rule set. */
    API_SPEC,
    /** Dependency freshness measured in libyears. Used by the extended rule set. */
    DEPENDENCY_AGE,
    /** Malware scanning of artifacts or images (ClamAV). Used by the extended rule set. */
    MALWARE;
}
