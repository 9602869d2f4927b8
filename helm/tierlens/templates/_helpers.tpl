{{/* Names and labels */}}
{{/*
A Kubernetes name of at most `max` characters (argument: dict name max). A name that fits stays as it is; a longer
one keeps its start and ends in "-" and the first 6 hex digits of the SHA-256 of the whole name, so two long names
that differ only after the cut still differ (plain `trunc` made them collide).
*/}}
{{- define "tierlens.shortName" -}}
{{- $max := int .max }}
{{- if le (len .name) $max }}
{{- .name }}
{{- else }}
{{- printf "%s-%s" (.name | trunc (sub $max 7 | int) | trimSuffix "-") (.name | sha256sum | trunc 6) }}
{{- end }}
{{- end }}

{{- define "tierlens.name" -}}
{{- include "tierlens.shortName" (dict "name" (default .Chart.Name .Values.nameOverride) "max" 63) }}
{{- end }}

{{- define "tierlens.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- include "tierlens.shortName" (dict "name" .Values.fullnameOverride "max" 63) }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- include "tierlens.shortName" (dict "name" .Release.Name "max" 63) }}
{{- else }}
{{- include "tierlens.shortName" (dict "name" (printf "%s-%s" .Release.Name $name) "max" 63) }}
{{- end }}
{{- end }}
{{- end }}

{{/* The name of an object derived from the release: fullname-suffix, at most 63 characters */}}
{{- define "tierlens.childName" -}}
{{- include "tierlens.shortName" (dict "name" (printf "%s-%s" (include "tierlens.fullname" (index . 0)) (index . 1)) "max" 63) }}
{{- end }}

{{/* The namespace of every namespaced object: namespaceOverride, else the release's */}}
{{- define "tierlens.namespace" -}}
{{- default .Release.Namespace .Values.namespaceOverride }}
{{- end }}

{{- define "tierlens.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "tierlens.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: tierlens
{{- with .Values.commonLabels }}
{{ toYaml . }}
{{- end }}
{{- end }}

{{- define "tierlens.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tierlens.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of one Deployment's objects; argument: list root deployment */}}
{{- define "tierlens.deploymentLabels" -}}
{{ include "tierlens.labels" (index . 0) }}
app.kubernetes.io/component: {{ (index . 1).component }}
{{- end }}

{{- define "tierlens.deploymentSelectorLabels" -}}
{{ include "tierlens.selectorLabels" (index . 0) }}
app.kubernetes.io/component: {{ (index . 1).component }}
{{- end }}

{{/*
Whether each exporter runs when its section is absent or has no `enabled:`: the app's defaults (the compact
constructors of the exporters' config records). helm-tests' EnabledExportersTest runs the app's check-config on
every rendered config and fails when this table and the app disagree.
*/}}
{{- define "tierlens.exporterDefaults" -}}
- {name: alb, enabled: true}
- {name: rds, enabled: true}
- {name: backup, enabled: true}
- {name: dr, enabled: false}
- {name: batch, enabled: false}
- {name: karpenter, enabled: true}
- {name: cost, enabled: true}
- {name: session, enabled: true}
{{- end }}

{{/* The exporters of this build, in the app's order */}}
{{- define "tierlens.exporterNames" -}}
{{- range include "tierlens.exporterDefaults" . | fromYamlArray }}{{ .name }} {{ end }}
{{- end }}

{{/* "true" when exporter (index . 1) is enabled in the config, with the app's default when it does not say */}}
{{- define "tierlens.enabled" -}}
{{- $default := false }}
{{- range include "tierlens.exporterDefaults" (index . 0) | fromYamlArray }}
{{- if eq .name (index $ 1) }}{{ $default = .enabled }}{{ end }}
{{- end }}
{{- $exporters := get ((index . 0).Values.config | default dict) "exporters" | default dict }}
{{- $section := get $exporters (index . 1) | default dict }}
{{- if hasKey $section "enabled" }}
{{- if $section.enabled }}true{{ end }}
{{- else if $default }}true{{ end }}
{{- end }}

{{/*
The Kubernetes API access each exporter needs: exactly the verbs its code uses. karpenter and cost share one set
of informers (list + watch) over nodes, pods, NodePools and NodeClaims; batch lists CronJobs and Jobs on each
refresh and watches nothing. The single place to change when an exporter starts reading something new.
*/}}
{{- define "tierlens.rbacRules" -}}
karpenter:
  - apiGroups: [karpenter.sh]
    resources: [nodepools, nodeclaims]
    verbs: [list, watch]
  - apiGroups: [""]
    resources: [nodes, pods]
    verbs: [list, watch]
cost:
  - apiGroups: [karpenter.sh]
    resources: [nodepools, nodeclaims]
    verbs: [list, watch]
  - apiGroups: [""]
    resources: [nodes, pods]
    verbs: [list, watch]
batch:
  - apiGroups: [batch]
    resources: [cronjobs, jobs]
    verbs: [list]
{{- end }}

{{/* The RBAC rules of one Deployment (argument: list root deployment), merged per API group; empty if none */}}
{{- define "tierlens.deploymentRules" -}}
{{- $table := include "tierlens.rbacRules" (index . 0) | fromYaml }}
{{- $byGroup := dict }}
{{- range $exporter := (index . 1).exporters }}
{{- range $rule := (get $table $exporter | default list) }}
{{- range $apiGroup := $rule.apiGroups }}
{{- range $resource := $rule.resources }}
{{- $key := printf "%s/%s" $apiGroup $resource }}
{{- $_ := set $byGroup $key (concat (get $byGroup $key | default list) $rule.verbs | uniq | sortAlpha) }}
{{- end }}
{{- end }}
{{- end }}
{{- end }}
{{- /* one rule per (apiGroup, verbs): resources that need the same verbs share it */}}
{{- $rules := dict }}
{{- range $key := keys $byGroup | sortAlpha }}
{{- $apiGroup := first (splitList "/" $key) }}
{{- $verbs := get $byGroup $key }}
{{- $ruleKey := printf "%s|%s" $apiGroup (join "," $verbs) }}
{{- $rule := get $rules $ruleKey | default (dict "apiGroups" (list $apiGroup) "resources" list "verbs" $verbs) }}
{{- $_ := set $rule "resources" (append $rule.resources (last (splitList "/" $key))) }}
{{- $_ := set $rules $ruleKey $rule }}
{{- end }}
{{- range $ruleKey := keys $rules | sortAlpha }}
- {{ get $rules $ruleKey | toJson }}
{{- end }}
{{- end }}

{{/*
The workloads to render, as a YAML list of
  {name, component, kind, replicas, ha, exporters (enabled ones it runs), disable (every other exporter),
   deployment (settings)}.
deploymentMode single: one workload with every enabled exporter. perGroup: one per group with an enabled exporter;
an exporter in no group runs nowhere. mode (single | ha | sharded) sets how each workload is replicated: ha is a
Deployment of 2 replicas electing a leader on a Lease; sharded is one StatefulSet of shards x replicasPerShard pods.
*/}}
{{- define "tierlens.deployments" -}}
{{- $root := . }}
{{- $fullname := include "tierlens.fullname" . }}
{{- $known := include "tierlens.exporterNames" . | trim | splitList " " }}
{{- $owner := dict }}
{{- range $group := keys .Values.groups | sortAlpha }}
{{- range $exporter := (get $root.Values.groups $group).exporters }}
{{- if hasKey $owner $exporter }}
{{- fail (printf "groups: exporter %q is listed in groups %q and %q; list it in exactly one" $exporter (get $owner $exporter) $group) }}
{{- end }}
{{- $_ := set $owner $exporter $group }}
{{- end }}
{{- end }}
{{- $mode := .Values.mode }}
{{- if and (eq $mode "sharded") (ne .Values.deploymentMode "single") }}
{{- fail "mode sharded: use deploymentMode single; each shard already runs its share of every exporter" }}
{{- end }}
{{- $kind := ternary "StatefulSet" "Deployment" (eq $mode "sharded") }}
{{- $replicas := .Values.deployment.replicas }}
{{- $ha := eq $mode "ha" }}
{{- if eq $mode "ha" }}{{ $replicas = 2 }}{{ end }}
{{- if eq $mode "sharded" }}
{{- $replicas = mul .Values.sharding.shards .Values.sharding.replicasPerShard }}
{{- $ha = eq (int .Values.sharding.replicasPerShard) 2 }}
{{- end }}
{{- $out := list }}
{{- if eq .Values.deploymentMode "single" }}
{{- $enabled := list }}
{{- range $known }}
{{- if include "tierlens.enabled" (list $root .) }}
{{- $enabled = append $enabled . }}
{{- end }}
{{- end }}
{{- $name := ternary (include "tierlens.shortName" (dict "name" $fullname "max" 52)) $fullname (eq $kind "StatefulSet") }}
{{- $out = append $out (dict "name" $name "component" "exporter" "kind" $kind "replicas" $replicas "ha" $ha "exporters" $enabled "disable" list "deployment" (deepCopy .Values.deployment)) }}
{{- else }}
{{- range $group := keys .Values.groups | sortAlpha }}
{{- $spec := get $root.Values.groups $group }}
{{- $enabled := list }}
{{- range $spec.exporters }}
{{- if include "tierlens.enabled" (list $root .) }}
{{- $enabled = append $enabled . }}
{{- end }}
{{- end }}
{{- if $enabled }}
{{- $settings := mergeOverwrite (deepCopy $root.Values.deployment) (deepCopy ($spec.deployment | default dict)) }}
{{- $name := include "tierlens.childName" (list $root $group) }}
{{- $others := list }}
{{- range $known }}
{{- if not (has . $spec.exporters) }}
{{- $others = append $others . }}
{{- end }}
{{- end }}
{{- $r := ternary 2 $settings.replicas $ha }}
{{- $out = append $out (dict "name" $name "component" $group "kind" $kind "replicas" $r "ha" $ha "exporters" $enabled "disable" $others "deployment" $settings) }}
{{- end }}
{{- end }}
{{- end }}
{{- toYaml $out }}
{{- end }}

{{/* The tierlens config.yaml of one Deployment (argument: list root deployment) */}}
{{- define "tierlens.config" -}}
{{- $root := index . 0 }}
{{- $d := index . 1 }}
{{- $config := deepCopy ($root.Values.config | default dict) }}
{{- $server := get $config "server" | default dict }}
{{- if hasKey $server "port" }}
{{- fail "config.server.port: set `port` instead; the chart uses it for the container, the Service, the probes and the config" }}
{{- end }}
{{- $_ := set $server "port" $root.Values.port }}
{{- $_ := set $config "server" $server }}
{{- if $d.disable }}
{{- $exporters := get $config "exporters" | default dict }}
{{- range $d.disable }}
{{- $section := get $exporters . | default dict }}
{{- $_ := set $section "enabled" false }}
{{- $_ := set $exporters . $section }}
{{- end }}
{{- $_ := set $config "exporters" $exporters }}
{{- end }}
{{- if $d.ha }}
{{- $haSection := get $config "ha" | default dict }}
{{- $_ := set $haSection "enabled" true }}
{{- /* one Lease per workload: perGroup Deployments must not elect one leader among them all */}}
{{- if not (hasKey $haSection "lease_name") }}
{{- $_ := set $haSection "lease_name" $d.name }}
{{- end }}
{{- $_ := set $config "ha" $haSection }}
{{- end }}
{{- if eq $root.Values.mode "sharded" }}
{{- $_ := set $config "sharding" (dict "shards" (int $root.Values.sharding.shards)) }}
{{- end }}
{{- toYaml $config }}
{{- end }}

{{- define "tierlens.serviceAccountName" -}}
{{- $d := index . 1 }}
{{- if $d.deployment.serviceAccount.create }}
{{- default $d.name $d.deployment.serviceAccount.name }}
{{- else if $d.deployment.serviceAccount.name }}
{{- $d.deployment.serviceAccount.name }}
{{- else }}
{{- fail (printf "%s: serviceAccount.create is false, so set serviceAccount.name to the existing ServiceAccount to run as (the chart will not bind its RBAC to the namespace's default ServiceAccount)" $d.name) }}
{{- end }}
{{- end }}

{{- define "tierlens.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag }}
{{- $registry := default (.Values.global | default dict).imageRegistry .Values.image.registry }}
{{- $repository := ternary (printf "%s/%s" $registry .Values.image.repository) .Values.image.repository (not (empty $registry)) }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" $repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" $repository $tag }}
{{- end }}
{{- end }}

{{/* The container command: java, the JVM flags, the jar. Must equal the Dockerfile's ENTRYPOINT (tested). */}}
{{- define "tierlens.javaCommand" -}}
{{- $root := index . 0 }}
{{- $settings := index . 1 }}
{{- $jar := index . 2 }}
{{- concat (list "java") $settings.jvmFlags ($settings.extraJvmFlags | default list) (list "-jar" $jar) | toYaml }}
{{- end }}

{{/* "true" when the cluster serves the Prometheus Operator's API (or the user says it does) */}}
{{- define "tierlens.prometheusOperator" -}}
{{- if or (.Capabilities.APIVersions.Has "monitoring.coreos.com/v1") .Values.prometheusOperator.assumeInstalled }}true{{ end }}
{{- end }}

{{/* Pod security context and container security context of the Jobs and the test pod */}}
{{- define "tierlens.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "tierlens.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/*
A probe from values, switched to HTTPS when the web configuration serves TLS (the kubelet does not verify the
certificate). Health endpoints need no basic auth, so probes carry no credentials.
*/}}
{{- define "tierlens.probe" -}}
{{- $root := index . 0 -}}
{{- $probe := deepCopy (index . 1) -}}
{{- if and $root.Values.webConfig.tls $probe.httpGet -}}
{{- $_ := set $probe.httpGet "scheme" "HTTPS" -}}
{{- end -}}
{{- toYaml $probe -}}
{{- end -}}
