package io.tierlens.core.aws.query;

/**
 * An AWS service spoken to over the Query protocol: what tells its requests, answers and metrics apart.
 *
 * @param label the {@code service} label of {@code tierlens_aws_api_requests_total}, the same value the SDK clients
 *     report for this service ("ec2", "rds"), so dashboards see no difference
 * @param endpointPrefix the service's prefix in the SDK's endpoint metadata and its SigV4 signing name
 * @param version the API version every request carries ({@code Version=})
 * @param pageTokenParameter the request parameter that asks for the next page
 * @param pageTokenElement the answer element that carries the next page's token (empty or absent: last page)
 */
public record QueryService(
        String label, String endpointPrefix, String version, String pageTokenParameter, String pageTokenElement) {

    /** EC2 pages with {@code NextToken} and answers in lower camel case ({@code <nextToken>}). */
    public static final QueryService EC2 = new QueryService("ec2", "ec2", "2016-11-15", "NextToken", "nextToken");

    /** RDS pages with {@code Marker} inside {@code <ActionResult>}. */
    public static final QueryService RDS = new QueryService("rds", "rds", "2014-10-31", "Marker", "Marker");
}
